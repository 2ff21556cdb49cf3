// The reduced rules of hjem/municipalities/peer/standard.lua, written for the two peers:
// target group (age, function, four exclusions), six packages by VUM sum, three referrals.
// Every generated case has every fact, so Kvalitet's three-valued logic and the peers'
// two-valued conditions give the same answers (koer.js checks that before timing).
'use strict';

const TEMAER = ['praktiske_opgaver', 'egenomsorg', 'kommunikation', 'mobilitet', 'samfundsliv', 'socialt_liv', 'sundhed'];
const FRA_SUM = [0, 6, 9, 12, 16, 20];

// ---- json-rules-engine 7 ------------------------------------------------------------------

function jsonRulesEngine(Engine) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const f = (fact, path, operator, value) => ({ fact, path, operator, value });
  engine.addFact('vum_max', (p, almanac) => almanac.factValue('vum').then((v) => Math.max(...TEMAER.map((t) => v[t]))));
  engine.addFact('vum_sum', (p, almanac) => almanac.factValue('vum').then((v) => TEMAER.reduce((s, t) => s + v[t], 0)));
  engine.addRule({
    name: 'maalgruppe',
    conditions: {
      all: [
        f('alder', undefined, 'greaterThanInclusive', 18),
        { any: [f('vum_max', undefined, 'greaterThanInclusive', 3), f('forhold', '$.saerlige_sociale_problemer', 'equal', true)] },
        f('forhold', '$.kan_afhjaelpes_med_hjaelpemidler', 'equal', false),
        f('forhold', '$.kan_afhjaelpes_med_traening', 'equal', false),
        f('forhold', '$.kan_afhjaelpes_efter_anden_lovgivning', 'equal', false),
        f('forhold', '$.kan_deltage_aktivt', 'equal', true),
      ],
    },
    event: { type: 'maalgruppe' },
  });
  FRA_SUM.forEach((fra, i) =>
    engine.addRule({ name: `pakke_${i + 1}`, conditions: { all: [f('vum_sum', undefined, 'greaterThanInclusive', fra)] },
                     event: { type: 'pakke', params: { n: i + 1 } } }));
  const henvis = (name, fact, value, til) =>
    engine.addRule({ name, conditions: { all: [f('forhold', `$.${fact}`, 'equal', value)] }, event: { type: 'henvis', params: { til } } });
  henvis('hjaelpemidler_112', 'kan_afhjaelpes_med_hjaelpemidler', true, 'SEL § 112');
  henvis('traening_86', 'kan_afhjaelpes_med_traening', true, 'SEL § 86');
  henvis('praktisk_hjaelp_83', 'kan_deltage_aktivt', false, 'SEL § 83');

  return async (sag) => {
    const { events } = await engine.run({ alder: sag.borger.alder, vum: sag.vum.temaer, forhold: sag.forhold });
    const ud = { i_maalgruppe: false, pakke: null, henvis_til: [] };
    let pakke = 0;
    for (const e of events) {
      if (e.type === 'maalgruppe') ud.i_maalgruppe = true;
      else if (e.type === 'pakke') pakke = Math.max(pakke, e.params.n);
      else ud.henvis_til.push(e.params.til);
    }
    if (ud.i_maalgruppe) ud.pakke = pakke;
    ud.henvis_til.sort();
    return ud;
  };
}

// ---- GoRules ZEN 0.54 (JDM) -----------------------------------------------------------------

function jdm() {
  const pos = { x: 0, y: 0 };
  const cell = (v) => (v === undefined ? '' : v);
  const table = (id, hitPolicy, inputs, outputs, rows) => ({
    id, type: 'decisionTableNode', name: id, position: pos,
    content: {
      hitPolicy,
      inputs: inputs.map((field, i) => ({ id: `${id}_i${i}`, name: field, field })),
      outputs: outputs.map((field, i) => ({ id: `${id}_o${i}`, name: field, field })),
      rules: rows.map((r, k) => {
        const rule = { _id: `${id}_r${k}` };
        inputs.forEach((_, i) => (rule[`${id}_i${i}`] = cell(r[0][i])));
        outputs.forEach((_, i) => (rule[`${id}_o${i}`] = cell(r[1][i])));
        return rule;
      }),
    },
  });
  const forhold = ['forhold.saerlige_sociale_problemer', 'forhold.kan_afhjaelpes_med_hjaelpemidler',
                   'forhold.kan_afhjaelpes_med_traening', 'forhold.kan_afhjaelpes_efter_anden_lovgivning',
                   'forhold.kan_deltage_aktivt'];
  const temaer = TEMAER.map((t) => `vum.temaer.${t}`).join(', ');
  const nodes = [
    { id: 'ind', type: 'inputNode', name: 'sag', position: pos },
    { id: 'vum', type: 'expressionNode', name: 'vum', position: pos,
      content: { expressions: [{ id: 'vmax', key: 'vum_max', value: `max([${temaer}])` },
                               { id: 'vsum', key: 'vum_sum', value: `sum([${temaer}])` }],
                 passThrough: true } },
    table('maalgruppe', 'first', ['borger.alder', 'vum_max', ...forhold], ['i_maalgruppe'], [
      [['>= 18', '>= 3', '', 'false', 'false', 'false', 'true'], ['true']],
      [['>= 18', '< 3', 'true', 'false', 'false', 'false', 'true'], ['true']],
      [[], ['false']],
    ]),
    table('pakke', 'first', ['vum_sum'], ['pakke_efter_sum'],
          FRA_SUM.map((fra, i) => [[`>= ${fra}`], [String(i + 1)]]).reverse()),
    // one table per referral: a collect table's list does not reach the output node
    table('h112', 'first', [forhold[1]], ['henvis_112'], [[['true'], ['"SEL § 112"']], [[], ['null']]]),
    table('h86', 'first', [forhold[2]], ['henvis_86'], [[['true'], ['"SEL § 86"']], [[], ['null']]]),
    table('h83', 'first', [forhold[4]], ['henvis_83'], [[['false'], ['"SEL § 83"']], [[], ['null']]]),
    { id: 'ud', type: 'outputNode', name: 'vurdering', position: pos },
  ];
  const edge = (s, t) => ({ id: `${s}_${t}`, sourceId: s, targetId: t, type: 'edge' });
  const tabeller = ['maalgruppe', 'pakke', 'h112', 'h86', 'h83'];
  const edges = [edge('ind', 'vum'), ...tabeller.map((t) => edge('vum', t)), ...tabeller.map((t) => edge(t, 'ud'))];
  return { contentType: 'application/vnd.gorules.decision', nodes, edges };
}

function zen(ZenEngine) {
  const engine = new ZenEngine();
  const decision = engine.createDecision(Buffer.from(JSON.stringify(jdm())));
  return async (sag) => {
    const { result } = await decision.evaluate(sag);
    const henvis = [result.henvis_112, result.henvis_86, result.henvis_83].filter((h) => h);
    return { i_maalgruppe: result.i_maalgruppe === true,
             pakke: result.i_maalgruppe === true ? Number(result.pakke_efter_sum) : null,
             henvis_til: henvis.sort() };
  };
}

module.exports = { TEMAER, jsonRulesEngine, zen, jdm };
