#!/usr/bin/env node
// A route-heavy monorepo for the routes row of the benchmark (deterministic for a seed): services
// of six frameworks, each with many route modules composed by prefixes across files (FastAPI
// include_router, Express app.use, Gin groups handed to functions, Spring class mappings,
// Laravel route groups, NestJS with a global prefix), plus SPECs naming endpoints, a known share
// of which no route serves. Writes DIR/expected.json: { files, routes, endpoints, missing }.
//
//   node bench/gen-routes-workspace.mjs --out DIR [--modules 1000] [--seed 1]
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const out = opt('out');
if (!out) {
  console.error('usage: gen-routes-workspace.mjs --out DIR [--modules N] [--seed N]');
  process.exit(2);
}
const MODULES = Number(opt('modules', '1000'));
let seed = Number(opt('seed', '1')) >>> 0 || 1;
const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
if (existsSync(out)) rmSync(out, { recursive: true, force: true });
let files = 0;
const write = (p, text) => {
  const f = join(out, p);
  mkdirSync(dirname(f), { recursive: true });
  writeFileSync(f, text);
  files++;
};
const filler = (c, n) => Array.from({ length: n }, (_, i) => `${c} step ${i}: validate, load, respond`).join('\n');

/** Per framework: the app files, one route module (name, routes as [method, local path]) and the full path of each route. */
const KINDS = [
  {
    key: 'fastapi',
    manifest: ['requirements.txt', 'fastapi==0.110.0\n'],
    app: (mods) => ({ 'app/main.py': `from fastapi import FastAPI\nfrom app.routers import ${mods.join(', ')}\n\napp = FastAPI()\n${mods.map((m) => `app.include_router(${m}.router, prefix="/api/v1")`).join('\n')}\n` }),
    module: (m, routes) => [`app/routers/${m}.py`, `from fastapi import APIRouter\n\nrouter = APIRouter(prefix="/${m}")\n\n${routes.map(([verb, p], i) => `@router.${verb.toLowerCase()}("${p.replace(/\{(\w+)\}/g, '{$1}')}")\ndef h${i}():\n${filler('    #', 4)}\n    return {}\n`).join('\n')}`],
    full: (m, p) => `/api/v1/${m}${p}`,
  },
  {
    key: 'express',
    manifest: ['package.json', '{"dependencies":{"express":"^4.19.0"}}\n'],
    app: (mods) => ({ 'src/app.js': `const express = require('express');\n${mods.map((m) => `const ${m} = require('./routes/${m}');`).join('\n')}\nconst app = express();\n${mods.map((m) => `app.use('/api/${m}', ${m});`).join('\n')}\nmodule.exports = app;\n` }),
    module: (m, routes) => [`src/routes/${m}.js`, `const express = require('express');\nconst router = express.Router();\n\n${routes.map(([verb, p]) => `router.${verb.toLowerCase()}('${p.replace(/\{(\w+)\}/g, ':$1')}', (req, res) => {\n${filler('  //', 4)}\n  res.json({});\n});\n`).join('\n')}\nmodule.exports = router;\n`],
    full: (m, p) => `/api/${m}${p}`,
  },
  {
    key: 'gin',
    manifest: ['go.mod', 'module example.com/svc\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n'],
    app: (mods) => ({ 'main.go': `package main\n\nimport "github.com/gin-gonic/gin"\n\nfunc main() {\n\tr := gin.Default()\n\tapi := r.Group("/api")\n${mods.map((m) => `\trouters.Register${m}(api.Group("/${m}"))`).join('\n')}\n\tr.Run()\n}\n` }),
    module: (m, routes) => [`routers/${m}.go`, `package routers\n\nimport "github.com/gin-gonic/gin"\n\nfunc Register${m}(g *gin.RouterGroup) {\n${routes.map(([verb, p]) => `\tg.${verb}("${p.replace(/\{(\w+)\}/g, ':$1')}", handle)\n${filler('\t//', 2)}`).join('\n')}\n}\n`],
    full: (m, p) => `/api/${m}${p}`,
  },
  {
    key: 'spring',
    manifest: ['pom.xml', '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId><version>3.2.0</version></dependency></dependencies></project>\n'],
    app: () => ({}),
    module: (m, routes) => [`src/main/java/svc/web/${m}Controller.java`, `package svc.web;\n\n@RestController\n@RequestMapping("/api/${m}")\npublic class ${m}Controller {\n${routes.map(([verb, p], i) => `    @${verb[0]}${verb.slice(1).toLowerCase()}Mapping("${p}")\n    public Object h${i}() {\n${filler('        //', 3)}\n        return null;\n    }\n`).join('\n')}}\n`],
    full: (m, p) => `/api/${m}${p}`,
  },
  {
    key: 'laravel',
    manifest: ['composer.json', '{"require":{"laravel/framework":"^11.0"}}\n'],
    app: (mods) => ({ 'bootstrap/app.php': "<?php\nreturn Application::configure(basePath: dirname(__DIR__))\n    ->withRouting(api: __DIR__.'/../routes/api.php')->create();\n", 'routes/api.php': `<?php\n${mods.map((m) => `require __DIR__.'/${m}.php';`).join('\n')}\n` }),
    module: (m, routes) => [`routes/${m}.php`, `<?php\nRoute::prefix('${m}')->group(function () {\n${routes.map(([verb, p], i) => `    Route::${verb.toLowerCase()}('${p}', [C${m}::class, 'h${i}']);`).join('\n')}\n});\n`],
    full: (m, p) => `/api/${m}${p}`,
  },
  {
    key: 'nestjs',
    manifest: ['package.json', '{"dependencies":{"@nestjs/core":"^10.0.0","@nestjs/common":"^10.0.0"}}\n'],
    app: () => ({ 'src/main.ts': "async function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix('api');\n  await app.listen(3000);\n}\nbootstrap();\n" }),
    module: (m, routes) => [`src/${m}/${m}.controller.ts`, `@Controller('${m}')\nexport class ${m}Controller {\n${routes.map(([verb, p], i) => `  @${verb[0]}${verb.slice(1).toLowerCase()}('${p.replace(/^\//, '').replace(/\{(\w+)\}/g, ':$1')}')\n  h${i}() {\n${filler('    //', 3)}\n    return {};\n  }\n`).join('\n')}}\n`],
    full: (m, p) => (p === '' ? `/api/${m}` : `/api/${m}${p}`),
  },
];
const VERBS = ['GET', 'POST', 'PUT', 'DELETE'];
const SHAPES = [['GET', ''], ['POST', ''], ['GET', '/{id}'], ['PUT', '/{id}'], ['DELETE', '/{id}'], ['GET', '/{id}/items'], ['POST', '/{id}/items']];

const all = [];
const perService = Math.ceil(MODULES / (KINDS.length * 2));
for (let s = 0; s < KINDS.length * 2; s++) {
  const kind = KINDS[s % KINDS.length];
  const dir = `services/${kind.key}-${s}`;
  write(`${dir}/${kind.manifest[0]}`, kind.manifest[1]);
  const mods = Array.from({ length: perService }, (_, i) => `res${s}x${i}`);
  for (const [p, text] of Object.entries(kind.app(mods))) write(`${dir}/${p}`, text);
  for (const m of mods) {
    const n = 3 + Math.floor(rnd() * 4);
    const routes = SHAPES.slice(0, n).map(([verb, p]) => [kind.key === 'laravel' || kind.key === 'nestjs' || kind.key === 'spring' ? verb : verb, kind.key === 'nestjs' && p === '' ? '' : p || (kind.key === 'spring' ? '' : '/')]);
    const [file, text] = kind.module(m, routes);
    write(`${dir}/${file}`, text);
    for (const [verb, p] of routes) all.push({ method: verb, path: kind.full(m, p === '/' && kind.key !== 'express' && kind.key !== 'fastapi' && kind.key !== 'gin' ? '' : p), service: dir });
  }
}

// SPECs: each names a few endpoints; one in ten names one no route serves.
const SPECS = Math.max(10, Math.floor(all.length / 8));
let endpoints = 0;
let missing = 0;
for (let i = 0; i < SPECS; i++) {
  const id = `API-${String(i + 1).padStart(4, '0')}`;
  const lines = [];
  // A SPEC is about one service: its endpoints are that service's, the missing one in its namespace.
  const service = all[Math.floor(rnd() * all.length)].service;
  const own = all.filter((r) => r.service === service);
  for (let k = 0; k < 3; k++) {
    const r = own[Math.floor(rnd() * own.length)];
    lines.push(`- REQ-${id}-${k + 1}: The system SHALL answer \`${r.method} ${r.path.replace(/\{id\}/g, '{itemId}')}\`.`);
    endpoints++;
  }
  if (i % 10 === 0) {
    lines.push(`- REQ-${id}-9: The system SHALL answer \`PATCH ${own[0].path.replace(/\{id\}/g, '{itemId}').replace(/\/$/, '')}/nowhere-${i}\`.`);
    endpoints++;
    missing++;
  }
  write(`.moai/specs/SPEC-${id}/spec.md`, `---\nid: ${id}\nversion: 0.1.0\nstatus: completed\ncreated: 2026-01-01\nupdated: 2026-01-02\nauthor: "@dev"\npriority: high\n---\n\n# @SPEC:${id}: Endpoints ${i}\n\n${lines.join('\n')}\n`);
}
writeFileSync(join(out, 'expected.json'), JSON.stringify({ files, routes: all.length, endpoints, missing }) + '\n');
console.log(JSON.stringify({ files, routes: all.length, endpoints, missing }));
