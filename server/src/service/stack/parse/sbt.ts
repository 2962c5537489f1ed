import type { ManifestFacts } from '../../types';
import { FactsBuilder, maskComments } from './common';
import { interpolate, stringVariables } from './gradle';

/**
 * `build.sbt` and `project/plugins.sbt`: `"g" %% "a" % "v"` coordinates (in
 * `libraryDependencies`, `Seq(…)`, `addSbtPlugin(…)`), a trailing `% Test` marks a test
 * dependency; a version may be a `val` defined in the same file.
 */
export function parseSbt(path: string, text: string): ManifestFacts {
  const kind = path.endsWith('project/plugins.sbt') || path === 'plugins.sbt' ? 'plugins.sbt' : 'build.sbt';
  const facts = new FactsBuilder(path, kind, text);
  const masked = maskComments(text, { line: '//', block: ['/*', '*/'], quotes: '"' });
  const vars = stringVariables(masked);
  const opens = (masked.match(/\(/g) ?? []).length;
  const closes = (masked.match(/\)/g) ?? []).length;
  if (opens !== closes) facts.error(`unbalanced parentheses (${opens} "(" and ${closes} ")")`);
  const coordinate = /"([^"\n]+)"\s*%{1,3}\s*"([^"\n]+)"\s*%\s*(?:"([^"\n]+)"|([A-Za-z_][\w.]*))(?:\s*%\s*"?([A-Za-z]+)"?)?/g;
  for (const m of masked.matchAll(coordinate)) {
    const literal = m[3];
    const version = literal ?? (m[4] ? interpolate(`\${${m[4]}}`, vars) : undefined);
    const scope = m[5]?.toLowerCase();
    const at = literal !== undefined ? m.index + m[0].indexOf(`"${literal}"`, m[1]!.length + m[2]!.length + 4) + 1 : undefined;
    const line = facts.lines.positionAt(m.index).line;
    facts.add(`${m[1]}:${m[2]}`, version, m.index, facts.lines.offsetAt({ line, character: facts.lines.lineText(line).length }), {
      dev: scope === 'test' || scope === 'it',
      ...(at !== undefined ? { versionAt: [at, at + literal!.length] as const } : {}),
    });
  }
  // The Play sbt plugin's own module values: `libraryDependencies ++= Seq(guice, specs2 % Test)`.
  for (const m of masked.matchAll(/\blibraryDependencies\s*\+\+?=\s*(?:Seq\s*\()?([^)\n]*)/g)) {
    const listStart = m.index + m[0].length - m[1]!.length;
    for (const item of m[1]!.matchAll(/(?:^|,)\s*([A-Za-z]\w*)(?:\s*%\s*"?([A-Za-z]+)"?)?\s*(?=,|$)/g)) {
      const artifact = PLAY_MODULES[item[1]!];
      if (!artifact) continue;
      const at = listStart + item.index + item[0].indexOf(item[1]!);
      const line = facts.lines.positionAt(at).line;
      const scope = item[2]?.toLowerCase();
      facts.add(`org.playframework:${artifact}`, undefined, at, facts.lines.offsetAt({ line, character: facts.lines.lineText(line).length }), { dev: scope === 'test' || scope === 'it' });
    }
  }
  return facts.build();
}

/** Module values the Play sbt plugin defines, by the artifact each adds. */
const PLAY_MODULES: Readonly<Record<string, string>> = {
  guice: 'play-guice', specs2: 'play-specs2', ws: 'play-ahc-ws', javaWs: 'play-java-ws', jdbc: 'play-jdbc', javaJdbc: 'play-java-jdbc',
  javaJpa: 'play-java-jpa', evolutions: 'play-jdbc-evolutions', filters: 'play-filters-helpers', caffeine: 'play-caffeine-cache', ehcache: 'play-ehcache',
  javaForms: 'play-java-forms', openId: 'play-openid',
};
