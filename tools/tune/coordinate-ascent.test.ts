import { describe, expect, it } from 'vitest';
import { loadSearchProfile } from '../../src/search/search-profile.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { coordinateAscent, type Scored } from './coordinate-ascent.js';
import { describeChanges, MEASURED_FUZZY, PROFILE_SPACE, positionOf, type Dimension } from './search-space.js';

type Point = { x: number; y: number };
const axis = (name: 'x' | 'y'): Dimension<Point> => ({
  name,
  values: [0, 1, 2, 3, 4],
  read: (p) => p[name],
  apply: (p, value) => ({ ...p, [name]: value as number }),
});
const plane = [axis('x'), axis('y')];
/** A fake objective with one peak, at x 3, y 1. */
const peak = async (p: Point): Promise<Scored> => ({ score: 10 - (p.x - 3) ** 2 - (p.y - 1) ** 2 });

describe('coordinateAscent', () => {
  it('climbs to the peak one coordinate at a time, and stops when a round moves nothing', async () => {
    const result = await coordinateAscent({ x: 0, y: 4 }, plane, peak, { rounds: 5, minGain: 0 });
    expect(result.best).toEqual({ x: 3, y: 1 });
    expect(result.bestScore.score).toBe(10);
    expect(result.moves.map((m) => `${m.dimension} ${m.from}→${m.to}`)).toEqual(['x 0→3', 'y 4→1']);
    expect(result.stoppedBy).toBe('converged');
  });

  it('evaluates a candidate once, however often the search comes back to it', async () => {
    let calls = 0;
    const counted = async (p: Point) => {
      calls++;
      return peak(p);
    };
    const result = await coordinateAscent({ x: 0, y: 4 }, plane, counted, { rounds: 5, minGain: 0 });
    // round 1: the start, 4 values of x, 4 of y (at x 3); round 2: 4 new values of x (at y 1), and
    // the 4 of y at x 3 all seen in round 1
    expect(result.steps).toHaveLength(16);
    expect(calls).toBe(13);
    expect(result.evaluations).toBe(13);
  });

  it('keeps no move that gains less than minGain', async () => {
    const flat = async (p: Point): Promise<Scored> => ({ score: p.x === 1 ? 1.001 : 1 });
    const result = await coordinateAscent({ x: 0, y: 0 }, plane, flat, { rounds: 3, minGain: 0.01 });
    expect(result.best).toEqual({ x: 0, y: 0 });
    expect(result.moves).toEqual([]);
  });

  it('never moves to a candidate that breaks a constraint, however high its score', async () => {
    const guarded = async (p: Point): Promise<Scored> => (p.x === 3 ? { score: 99, rejected: 'x 3 is forbidden' } : peak(p));
    const result = await coordinateAscent({ x: 0, y: 1 }, plane, guarded, { rounds: 5, minGain: 0 });
    expect(result.best.x).not.toBe(3);
    expect(result.bestScore.rejected).toBeUndefined();
    expect(result.steps.some((s) => s.rejected === 'x 3 is forbidden')).toBe(true);
  });

  it('stops when the budget is spent and returns the best found so far', async () => {
    let left = 3;
    const result = await coordinateAscent({ x: 0, y: 4 }, plane, peak, { rounds: 5, minGain: 0, outOfBudget: () => left-- <= 0 });
    expect(result.stoppedBy).toBe('budget');
    expect(result.steps).toHaveLength(3);
    expect(result.best).toEqual({ x: 0, y: 4 }); // the x coordinate was not finished, so nothing moved
  });

  it('stops after the given rounds', async () => {
    const result = await coordinateAscent({ x: 0, y: 4 }, plane, peak, { rounds: 1, minGain: 0 });
    expect(result.stoppedBy).toBe('rounds');
    expect(result.steps).toHaveLength(8);
  });
});

describe('the profile search space', () => {
  const start = loadSearchProfile(PROJECT_ROOT, 'default-v1');

  it('reads back every value it sets, on every coordinate', () => {
    for (const dimension of PROFILE_SPACE) for (const value of dimension.values) expect(dimension.read(dimension.apply(start, value))).toBe(value);
  });

  it('changes only its own coordinate', () => {
    const before = positionOf(start, PROFILE_SPACE);
    for (const dimension of PROFILE_SPACE)
      for (const value of dimension.values) {
        const after = positionOf(dimension.apply(start, value), PROFILE_SPACE);
        expect({ ...after, [dimension.name]: before[dimension.name] }).toEqual(before);
      }
  });

  it('leaves a field or phrase out at weight 0, as a profile has only positive weights', () => {
    const noExact = PROFILE_SPACE.find((d) => d.name === 'fields.title.exact')!.apply(start, 0);
    expect(Object.keys(noExact.fields)).not.toContain('title.exact');
    const noPhrase = PROFILE_SPACE.find((d) => d.name === 'phrase.body.exact')!.apply(start, 0);
    expect(Object.keys(noPhrase.phrase.fields)).toEqual(['title.exact']);
  });

  it('sets a weight in its place, so a written profile lists its fields in the same order', () => {
    const heavierTitle = PROFILE_SPACE.find((d) => d.name === 'fields.title')!.apply(start, 6);
    expect(Object.keys(heavierTitle.fields)).toEqual(Object.keys(start.fields));
  });

  it('turns typo tolerance on with the measured settings and off again', () => {
    const fuzzy = PROFILE_SPACE.find((d) => d.name === 'query.fuzzy')!;
    const on = fuzzy.apply(start, true);
    expect(on.query.fuzzy).toEqual(MEASURED_FUZZY);
    expect('fuzzy' in fuzzy.apply(on, false).query).toBe(false);
  });

  it('describes the coordinates two candidates differ on', () => {
    const moved = PROFILE_SPACE[0]!.apply(PROFILE_SPACE[4]!.apply(start, 0), 6);
    expect(describeChanges(start, moved, PROFILE_SPACE)).toEqual(['fields.title 3→6', 'tieBreaker 0.3→0']);
  });
});
