// Kvalitet beside json-rules-engine and GoRules ZEN, same reduced rules, same cases
// (bench/README.md, group 6). Kvalitet runs as `kvalitet vurder --ndjson` (the whole process:
// parsing the NDJSON, assessing with the full trace, writing the JSON); the peers run in
// this process on cases already parsed. First all three must agree on every case checked;
// then rounds are interleaved and medians printed, with the ratios.
//
//   node bench/peer/koer.js KVALITET [SAGER] [RUNDER]
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Engine } = require('json-rules-engine');
const { ZenEngine } = require('@gorules/zen-engine');
const regler = require('./regler');

const [kvalitet, antalArg, runderArg] = process.argv.slice(2);
if (!kvalitet) {
  console.error('brug: node bench/peer/koer.js KVALITET [SAGER] [RUNDER]');
  process.exit(2);
}
const ANTAL = Number(antalArg || 50000);
const RUNDER = Number(runderArg || 3);
const KONTROL = Math.min(ANTAL, 3000);

// Seeded cases (mulberry32): every fact present, the demo's spread of ages and scores.
function sager(n) {
  let s = 85;
  const r = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const ja = (p) => r() < p;
  const ud = [];
  for (let i = 0; i < n; i++) {
    const temaer = {};
    for (const t of regler.TEMAER) temaer[t] = Math.floor(r() * 5);
    ud.push({
      id: `peer-${i}`, kommune: 'peer',
      borger: { alder: 15 + Math.floor(r() * 70) },
      vum: { dato: '2026-09-01', temaer },
      forhold: {
        saerlige_sociale_problemer: ja(0.3), kan_afhjaelpes_med_hjaelpemidler: ja(0.1),
        kan_afhjaelpes_med_traening: ja(0.1), kan_afhjaelpes_efter_anden_lovgivning: ja(0.05),
        kan_deltage_aktivt: ja(0.9),
      },
    });
  }
  return ud;
}

// A home with dsl/ and stdlib/ from this checkout and the reduced standard.
function hjem() {
  const rod = path.resolve(__dirname, '..', '..');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kvalitet-peer-'));
  for (const d of ['dsl', 'stdlib']) fs.cpSync(path.join(rod, d), path.join(dir, d), { recursive: true });
  fs.cpSync(path.join(__dirname, 'hjem', 'municipalities'), path.join(dir, 'municipalities'), { recursive: true });
  return dir;
}

// Kvalitet reads the file and writes its assessments to a file, as a batch job would: piping
// ~120 MB through this process's buffers measured node, not Kvalitet (2 threads were no faster).
function koerKvalitet(dir, fil, traade) {
  const ud = path.join(dir, 'vurderinger.ndjson');
  const fd = fs.openSync(ud, 'w');
  const t0 = process.hrtime.bigint();
  const p = spawnSync(kvalitet, ['vurder', '--kommune', 'peer', '--ndjson', '--dato', '2026-11-22', '--traade', String(traade), fil],
                      { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, KVALITET_HJEM: dir } });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  fs.closeSync(fd);
  if (p.status !== 0) throw new Error(`kvalitet fejlede (${p.status}): ${String(p.stderr).slice(0, 400)}`);
  return { s, ud };
}

function fraKvalitet(linje) {
  const v = JSON.parse(linje);
  const m = v.maalgruppe;
  return { i_maalgruppe: m.i_maalgruppe === true, pakke: m.i_maalgruppe === true ? Number(v.pakke.id.slice(6)) : null,
           henvis_til: m.henvis_til.map((h) => h.til || h).sort() };
}

async function tid(f) {
  const t0 = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

async function main() {
  const alle = sager(ANTAL);
  const dir = hjem();
  const fil = path.join(dir, 'sager.ndjson');
  fs.writeFileSync(fil, alle.map((s) => JSON.stringify(s)).join('\n') + '\n');
  const jre = regler.jsonRulesEngine(Engine);
  const zen = regler.zen(ZenEngine);

  // Agreement first: a comparison of different answers would be no comparison.
  const kv = fs.readFileSync(koerKvalitet(dir, fil, 1).ud, 'utf8').trim().split('\n');
  for (let i = 0; i < KONTROL; i++) {
    const a = JSON.stringify(fraKvalitet(kv[i]));
    const b = JSON.stringify(await jre(alle[i]));
    const c = JSON.stringify(await zen(alle[i]));
    if (a !== b || a !== c) {
      console.error(`uenige om ${alle[i].id}:\n  kvalitet          ${a}\n  json-rules-engine ${b}\n  zen               ${c}`);
      process.exit(1);
    }
  }
  console.log(`enige om de første ${KONTROL} sager; ${ANTAL} sager pr. kørsel, ${RUNDER} runder flettet`);

  const maal = { k1: [], k2: [], jre: [], zen1: [], zenN: [] };
  for (let r = 0; r < RUNDER; r++) {
    maal.k1.push(ANTAL / koerKvalitet(dir, fil, 1).s);
    maal.k2.push(ANTAL / koerKvalitet(dir, fil, os.cpus().length).s);
    maal.jre.push(ANTAL / (await tid(async () => { for (const s of alle) await jre(s); })));
    maal.zen1.push(ANTAL / (await tid(async () => { for (const s of alle) await zen(s); })));
    maal.zenN.push(ANTAL / (await tid(async () => {
      for (let i = 0; i < alle.length; i += 1000) await Promise.all(alle.slice(i, i + 1000).map(zen));
    })));
  }
  const m = Object.fromEntries(Object.entries(maal).map(([k, v]) => [k, median(v)]));
  const f = (x) => Math.round(x).toLocaleString('da-DK');
  console.log(`kvalitet vurder --ndjson, 1 tråd (hele processen, fuldt spor)  ${f(m.k1)} sager/s`);
  console.log(`kvalitet vurder --ndjson, ${os.cpus().length} tråde                          ${f(m.k2)} sager/s`);
  console.log(`json-rules-engine 7, i processen, én ad gangen           ${f(m.jre)} sager/s`);
  console.log(`GoRules ZEN 0.54, i processen, én ad gangen             ${f(m.zen1)} sager/s`);
  console.log(`GoRules ZEN 0.54, i processen, 1000 ad gangen (alle kerner) ${f(m.zenN)} sager/s`);
  console.log(`forhold: kvalitet 1 tråd / json-rules-engine = ${(m.k1 / m.jre).toFixed(1)}×; ` +
              `kvalitet alle kerner / ZEN alle kerner = ${(m.k2 / m.zenN).toFixed(1)}×`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
