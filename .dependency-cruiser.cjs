// Import rules for Copse, checked by `npm test` (static phase): layers point one way, no circle of any
// kind (type-only imports included), and the web app imports nothing from the server. The layers, top to
// bottom: routes → services → policies, queries and presenters → db, with server/lib, server/errors.ts,
// server/env.ts and common/ below all of them. docs/CODE_STYLE.md explains each layer with examples.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle (type-only imports count too): split the shared part into a lower layer.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'app-not-to-server',
      severity: 'error',
      comment: 'The web app talks to the server through the API; shared contracts live in common/.',
      from: { path: '^app/' },
      to: { path: '^server/' },
    },
    {
      name: 'common-stands-alone',
      severity: 'error',
      comment: 'common/ is shared by the server and the web app, so it imports neither.',
      from: { path: '^common/' },
      to: { path: '^(server|app)/' },
    },
    {
      name: 'lib-is-plain',
      severity: 'error',
      comment:
        'server/lib holds plain libraries: they know nothing of routes, use cases, queries or the database.',
      from: { path: '^server/lib/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/', pathNot: '^server/(lib/|errors\\.ts$|env\\.ts$)' },
    },
    {
      name: 'lib-tests-are-plain',
      severity: 'error',
      comment:
        'Tests of server/lib may use the test helpers (a local S3 server), and nothing else above lib.',
      from: { path: '^server/lib/.*\\.test\\.ts$' },
      to: { path: '^server/', pathNot: '^server/(lib/|test/s3\\.ts$|errors\\.ts$|env\\.ts$)' },
    },
    {
      name: 'db-below-use-cases',
      severity: 'error',
      comment:
        'The database layer (schema, client, migrations) does not reach up into the layers that use it.',
      from: { path: '^server/db/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/(routes|services|policies|queries|presenters|plugins|jobs)/|^server/app\\.ts$' },
    },
    {
      name: 'queries-below-services',
      severity: 'error',
      comment: 'Queries take db first and answer rows; they do not call use cases, policies or routes.',
      from: { path: '^server/queries/' },
      to: { path: '^server/(routes|services|policies|presenters|plugins|jobs)/|^server/app\\.ts$' },
    },
    {
      name: 'policies-are-pure',
      severity: 'error',
      comment: 'Policies decide from the actor and the subject they are given; they load nothing.',
      from: { path: '^server/policies/' },
      to: { path: '^server/(routes|services|queries|presenters|plugins|jobs|db)/|^server/app\\.ts$' },
    },
    {
      name: 'presenters-below-services',
      severity: 'error',
      comment: 'Presenters turn rows into API JSON; they do not call use cases or routes.',
      from: { path: '^server/presenters/' },
      to: { path: '^server/(routes|services|plugins|jobs)/|^server/app\\.ts$' },
    },
    {
      name: 'services-below-routes',
      severity: 'error',
      comment: 'Use cases do not know about HTTP: no route, plugin or app import.',
      from: { path: '^server/services/' },
      to: { path: '^server/(routes|plugins)/|^server/app\\.ts$' },
    },
    {
      name: 'services-use-queries',
      severity: 'error',
      comment:
        'Data access lives in server/queries: a use case calls query functions and builds no SQL (no drizzle-orm, no table objects; their types are fine).',
      from: { path: '^server/services/', pathNot: '\\.test\\.ts$' },
      to: { path: '^node_modules/drizzle-orm/|^server/db/schema/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'routes-independent',
      severity: 'error',
      comment:
        'A route module does not reach into another resource’s routes: share through services or common/.',
      from: { path: '^server/routes/([^/]+)/' },
      to: { path: '^server/routes/[^/]+/', pathNot: '^server/routes/$1/' },
    },
    {
      name: 'seeds-stay-out-of-runtime',
      severity: 'error',
      comment: 'The demo and benchmark seeds are tools, not part of the running server.',
      from: { path: '^server/', pathNot: '\\.test\\.ts$|^server/test/' },
      to: { path: '^seed/' },
    },
    {
      name: 'app-entry-only-from-main',
      severity: 'error',
      comment: 'server/app.ts wires everything; only entry points and test helpers import it.',
      from: { path: '^server/', pathNot: '^server/(main\\.ts|test/)|\\.test\\.ts$' },
      to: { path: '^server/app\\.ts$' },
    },
  ],
  options: {
    // Type-only imports are dependencies too: a type circle still ties modules together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.e2e-data|test-results)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
