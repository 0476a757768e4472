// Bundle-time stand-in for chalk's `#supports-color`, which loads node:tty and
// node:os to guess the terminal's colours for chalk's default instance. Nothing
// styled by news-read uses that instance: cli.ts decides the level once and every
// style comes from `new Chalk({ level })`.

/** No stream is assumed to support colour: the default chalk instance is level 0. */
export default { stdout: false as const, stderr: false as const };
