// `threat-briefings layer`: briefings → one MITRE ATT&CK® Navigator layer (file format 4.5).
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Command, UsageError } from '../command';
import { checkDate, parse } from '../args';
import { readBriefings } from '../briefingFiles';
import { loadAttackIndex } from '../../engine/attack/lookup';
import { BriefingFilter, cleanFilter, passesFilter } from '../../engine/exports/matrixFilter';
import { navigatorLayerJson } from '../../engine/exports/navigator';
import { SEVERITIES } from '../../engine/model';
import { VERSION } from '../../engine/version';

const USAGE =
  'threat-briefings layer <BRIEFING.json|BRIEFINGS_DIR>... [--out FILE] [--name NAME] [--min-severity LOW|MED|HIGH|CRIT]\n' +
  '       [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--attack STIX_OR_INDEX]\n' +
  '  score = number of briefings citing the technique; titles go in the comment. Without --out the layer is printed.\n' +
  '  A date range leaves out briefings without a published date.';

export const layerCommand: Command = {
  name: 'layer',
  summary: 'Export briefings as an ATT&CK Navigator layer (JSON, format 4.5)',
  usage: USAGE,
  run: async (argv, io) => {
    const { values, positionals } = parse('layer', argv, {
      out: { type: 'string' },
      name: { type: 'string' },
      'min-severity': { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      attack: { type: 'string' },
    }, USAGE);
    if (!positionals.length) throw new UsageError(`threat-briefings layer: give one or more briefing JSON files or briefings folders.\nUsage: ${USAGE}`);
    const min = values['min-severity']?.toUpperCase();
    if (min !== undefined && !(SEVERITIES as readonly string[]).includes(min)) {
      throw new UsageError(`threat-briefings layer: --min-severity must be one of ${SEVERITIES.join(', ')}, got '${values['min-severity']}'`);
    }
    const filter: BriefingFilter = cleanFilter({ minSeverity: min, from: checkDate('layer', '--since', values.since), to: checkDate('layer', '--until', values.until) });
    const read = await readBriefings(positionals, 'layer');
    const kept = read.filter((r) => passesFilter(r.briefing, filter)).map((r) => r.briefing);
    // The ATT&CK structure only refines tactic tags; a layer is still right without it.
    let attack;
    try {
      attack = loadAttackIndex(values.attack);
    } catch (e) {
      if (values.attack) throw e;
    }
    const json = navigatorLayerJson(kept, { name: values.name, filter, attack, generator: `threat-briefings ${VERSION}` });
    if (!values.out) {
      io.out(json);
      return 0;
    }
    writeFileSync(path.resolve(values.out), json);
    const count = (JSON.parse(json) as { techniques: unknown[] }).techniques.length;
    io.err(`${count} technique entr${count === 1 ? 'y' : 'ies'} from ${kept.length} of ${read.length} briefing(s) → ${values.out}`);
    return 0;
  },
};
