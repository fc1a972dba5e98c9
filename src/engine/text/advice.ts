// Defender-side text: one rule for every step that must not read advice as attacker behaviour (techniques, hunts).

/**
 * Defender-side sentences: advice, detection and mitigation text ("Monitor for Kerberoasting", "Organizations should
 * block…", "We recommend…") name a behaviour without saying the attacker used it. No entry fires in them.
 */
export const ADVICE = /^[^A-Z]*(?:monitor|detect|hunt|alert|audit|review|block|restrict|limit|ensure|consider|implement|enforce|require|enable|disable|prevent|deny|patch|apply|configure|conduct|perform|harden|segment|maintain|keep|train|educate|update|upgrade|rotate|look for|watch for|search for|investigate)\b|\b(?:should|recommend\w*|mitigat\w*|best practices?)\b/i;

/** Only the imperative opening of advice ("Train users…", "Patch…"): the part that never describes an attack. */
export const ADVICE_IMPERATIVE = new RegExp(ADVICE.source.slice(0, ADVICE.source.indexOf('|\\b(?:should')), 'i');
