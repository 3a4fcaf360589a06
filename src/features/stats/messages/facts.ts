/**
 * The facts a check result carries (its `params`), shown under what the problem means. Stored
 * results hold only a code and these facts, so every page says them in its own language.
 */
export const fr = {
  "stats.param.value": "Valeur lue : « {value} »",
  "stats.param.raw": "Clé écrite : {raw}",
  "stats.param.section": "Section {section}.* dans un fichier {class}",
  "stats.param.declared": "Le fichier se déclare : {declared}",
  "stats.param.count": "Nombre lu : {count}",
  "stats.param.start": "{start} : {startValue} ; fin : {endValue}",
  "stats.param.line": "Déjà définie ligne {line}",
  "stats.param.url": "Fichier lié : {url}",
  "stats.param.owner": "Déjà listé par {owner}",
  "stats.param.depth": "Au plus {depth} niveaux",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "stats.param.value": "Value read: “{value}”",
  "stats.param.raw": "Key as written: {raw}",
  "stats.param.section": "{section}.* section in a {class} file",
  "stats.param.declared": "The file says it is: {declared}",
  "stats.param.count": "Number read: {count}",
  "stats.param.start": "{start}: {startValue}; end: {endValue}",
  "stats.param.line": "Already set on line {line}",
  "stats.param.url": "Linked file: {url}",
  "stats.param.owner": "Already listed by {owner}",
  "stats.param.depth": "At most {depth} levels",
};

export const de: Record<keyof typeof fr, string> = {
  "stats.param.value": "Gelesener Wert: „{value}“",
  "stats.param.raw": "Geschriebener Schlüssel: {raw}",
  "stats.param.section": "Abschnitt {section}.* in einer Datei vom Typ {class}",
  "stats.param.declared": "Die Datei gibt an: {declared}",
  "stats.param.count": "Gelesene Anzahl: {count}",
  "stats.param.start": "{start}: {startValue}; Ende: {endValue}",
  "stats.param.line": "Bereits in Zeile {line} gesetzt",
  "stats.param.url": "Verlinkte Datei: {url}",
  "stats.param.owner": "Bereits gelistet von {owner}",
  "stats.param.depth": "Höchstens {depth} Ebenen",
};
