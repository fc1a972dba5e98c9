// The catalogue as Hunt objects, for `threat-briefings hunts` and hovers: behaviour hunts with their trigger in words,
// IOC hunt templates with their placeholders unfilled. Rendered from the one definition of each hunt.
import type { Hunt } from '../model';
import { catalogue, catalogueHunt } from './catalogue';
import { IOC_TEMPLATES, IocTemplate } from './ioc/templates';
import type { CatalogueHunt } from './types';

function triggerWords(h: CatalogueHunt): string {
  const parts: string[] = [];
  if (h.trigger.techniques?.length) parts.push(`one of ${h.trigger.techniques.join(', ')} is inferred with evidence at medium confidence or above`);
  if (h.trigger.phrases?.length) parts.push(`the narrative states one of its ${h.trigger.phrases.length} behaviour phrase${h.trigger.phrases.length === 1 ? '' : 's'}`);
  return `Fires when ${parts.join(', or ')}.`;
}

export function behaviourListing(h: CatalogueHunt): Hunt {
  return {
    id: h.id, kind: 'behaviour', title: h.title, description: h.description, phase: h.phase, confidence: 'medium',
    techniques: [...h.techniques], reason: triggerWords(h), evidence: [],
    telemetry: { splunk: [...h.telemetry.splunk], defender: [...h.telemetry.defender] },
    spl: h.spl, kql: h.kql, falsePositives: [...h.falsePositives],
  };
}

export function templateListing(t: IocTemplate): Hunt {
  return {
    id: t.id, kind: 'ioc', title: t.title, description: t.description, phase: t.phase, confidence: 'medium',
    techniques: [...t.techniques], reason: `Fires when the briefing has IOCs of type ${t.types.join(', ')}; they are filled into the placeholders.`,
    evidence: [], telemetry: { splunk: [...t.telemetry.splunk], defender: [...t.telemetry.defender] },
    spl: t.spl, kql: t.kql, falsePositives: [...t.falsePositives],
  };
}

/** Every behaviour hunt, then every IOC template, in catalogue order. */
export function huntListing(): Hunt[] {
  return [...catalogue().map(behaviourListing), ...IOC_TEMPLATES.map(templateListing)];
}

export function listedHunt(id: string): Hunt | undefined {
  const b = catalogueHunt(id);
  if (b) return behaviourListing(b);
  const t = IOC_TEMPLATES.find((x) => x.id === id.toUpperCase());
  return t ? templateListing(t) : undefined;
}
