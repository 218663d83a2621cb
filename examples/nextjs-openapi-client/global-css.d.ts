// `import './globals.css'` in app/layout.tsx: TypeScript 6 checks side-effect imports
// (noUncheckedSideEffectImports), and Next.js 15.4's types declare CSS modules but not plain
// stylesheets. Next.js 16 declares them itself; the two declarations merge.
declare module '*.css';
