// The packaging configuration as data: valid against electron-builder's own schema, the four
// platform targets, the hardened fuses, the resources the app reads at run time; the build
// scripts and the entry point in package.json.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const repo = new URL('../../', import.meta.url);
const config = parse(readFileSync(new URL('electron-builder.yml', repo), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(readFileSync(new URL('package.json', repo), 'utf8')) as Record<string, any>;

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's schema", () => {
    const schema = JSON.parse(readFileSync(new URL('node_modules/app-builder-lib/scheme.json', repo), 'utf8'));
    delete schema.$schema;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('builds AppImage and deb for Linux, dmg for macOS, nsis for Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('sets the hardened fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('ships what main.ts reads: the build output, the worker unpacked, the built-in packs', () => {
    expect(config.files).toContain('out/**');
    expect(config.asarUnpack).toContain('out/main/**');
    // the worker pool's own worker file is started from disk too
    expect(config.files).toContain('node_modules/piscina/**');
    expect(config.asarUnpack).toContain('node_modules/piscina/**');
    expect(config.extraResources).toContainEqual({ from: 'exercises', to: 'exercises' });
    const main = readFileSync(new URL('src-main/app/main.ts', repo), 'utf8');
    expect(main).toContain("join(process.resourcesPath, 'exercises')");
    expect(main).toContain('app.asar.unpacked');
  });
});

describe('package.json', () => {
  it('starts the built main process and has the build scripts', () => {
    expect(pkg.main).toBe('out/main/main.mjs');
    expect(pkg.scripts.build).toBe('electron-vite build');
    expect(pkg.scripts.start).toMatch(/^electron-vite build && electron \.$/);
    expect(pkg.scripts.serve).toBe('node bin/serve.mjs');
    // npm ci builds the Node programs (no TypeScript compiler at run time)
    expect(pkg.scripts.prepare).toBe('node scripts/build-node.mjs');
    // npm test is what CI runs: both typechecks, vitest, then the end-to-end tests
    expect(pkg.scripts.test).toBe('npm run typecheck && vitest run && npm run test:e2e');
    expect(pkg.scripts.typecheck).toContain('vue-tsc --noEmit -p src-renderer/tsconfig.json');
    expect(pkg.scripts['test:e2e']).toBe('electron-vite build && playwright test');
  });
});
