// The hostile inputs, for tests: the generators live in the engine (src/engine/eval/hostile.ts) so that the CLI's
// `bench --hostile` and these tests brief exactly the same bytes.
export { HOSTILE_INPUTS, hostileInput, type HostileInput } from '../../src/engine/eval/hostile';
