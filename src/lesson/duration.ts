// Durations as authors write them; the reader lives in util/ because check lines (`within 5s`) use it too.

export { formatDuration, parseDuration } from '../util/duration.ts';
