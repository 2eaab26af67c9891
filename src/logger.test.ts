import { describe, expect, it } from 'vitest';
import { redactCredentials } from './logger.js';

describe('redactCredentials', () => {
  it('masks the password of every URL in a text, and leaves the rest alone', () => {
    expect(redactCredentials('engine at https://elastic:s3cr%40t@search.example:9243/ and http://u:p@h')).toBe(
      'engine at https://elastic:***@search.example:9243/ and http://u:***@h',
    );
    expect(redactCredentials('http://127.0.0.1:9200 has no credentials; a@b:c is no URL')).toBe('http://127.0.0.1:9200 has no credentials; a@b:c is no URL');
  });
});
