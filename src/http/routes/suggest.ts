import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDependencies, AppEnv } from '../app-dependencies.js';
import { errorResponses, jsonAnswer, publicRoute, wholeNumber } from '../schemas.js';

const SuggestQuery = z
  .object({
    q: z
      .string()
      .min(1, 'at least one character')
      .max(100, 'at most 100 characters')
      .openapi({ description: 'What the reader has typed so far', example: 'بلين' }),
    size: wholeNumber(1, 10)
      .optional()
      .openapi({ description: 'Titles and names each, at most (default 5, at most 10)', type: 'integer', minimum: 1, maximum: 10, default: 5 }),
  })
  .strict();

const Label = z.object({ ar: z.string(), en: z.string() });
const Suggestions = z
  .object({
    titles: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        titleHighlighted: z.string().openapi({ description: 'The title with the words begun by the typed text in <mark>, HTML-escaped' }),
      }),
    ),
    entities: z.array(
      z.object({
        facet: z
          .enum(['people', 'regions', 'organizations'])
          .openapi({ description: 'The facet to filter on: `person`, `region` or `organization` in /search' }),
        value: z.string(),
        label: Label,
        matched: z.string().openapi({ description: 'The spelling the text matched' }),
      }),
    ),
  })
  .openapi('Suggestions');

const route = publicRoute('get', '/suggest', 'suggest', {
  summary: 'Suggestions as the reader types: titles, people, places, organizations',
  description:
    'Titles whose words begin with the typed words (أ/ا/إ, ة/ه and ى/ي do not matter), from the index, and the people, places and organizations of the taxonomy whose names in any known spelling, Arabic or Latin script, begin with the text. The flag of a country (🇩🇿) is read as the name of the country.',
  request: { query: SuggestQuery },
  responses: {
    200: jsonAnswer('Suggestions', Suggestions),
    ...errorResponses,
  },
});

export function registerSuggestRoutes(app: OpenAPIHono<AppEnv>, deps: AppDependencies): void {
  app.openapi(route, async (c) => {
    const { q, size = 5 } = c.req.valid('query');
    return c.json(await deps.service.suggest(q, size), 200);
  });
}
