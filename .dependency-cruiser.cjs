/** The shape of the code, checked in the test command (see STYLE.md). */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'web-not-server',
      comment: 'The browser code must not import server code.',
      severity: 'error',
      from: { path: '^src/web' },
      to: { path: '^src/server' },
    },
    {
      name: 'shared-is-leaf',
      comment: 'src/shared is used by both sides and imports neither.',
      severity: 'error',
      from: { path: '^src/shared' },
      to: { path: '^src/(server|web)' },
    },
    {
      name: 'platform-not-modules',
      comment: 'The platform must not depend on a domain module.',
      severity: 'error',
      from: { path: '^src/server/platform' },
      to: { path: '^src/server/modules' },
    },
    {
      name: 'modules-through-entry',
      comment: 'A module reaches another module only through its index.ts.',
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/' },
      to: { path: '^src/server/modules/([^/]+)/', pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outside-through-entry',
      comment: 'Code outside the modules uses a module only through its index.ts.',
      severity: 'error',
      from: { path: '^src/server/(?!modules/)' },
      to: { path: '^src/server/modules/[^/]+/(?!index\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
