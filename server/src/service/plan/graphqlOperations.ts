/** A GraphQL operation a SPEC names: a field of `type Query|Mutation|Subscription`, or a named `query`/`mutation`. */
export interface GraphqlOperation {
  readonly kind: 'query' | 'mutation' | 'subscription';
  readonly name: string;
  /** 1-based line of its first mention. */
  readonly line: number;
}

/**
 * The GraphQL operations of a SPEC, in document order: the fields of its schema's root types
 * (`type Query { user(id: ID!): User }`, `extend type Mutation {…}`) and named operations
 * (`mutation CreateUser(…) {`). One pass over the lines, each pattern anchored to its line.
 */
export function extractGraphqlOperations(text: string): readonly GraphqlOperation[] {
  const found = new Map<string, GraphqlOperation>();
  const add = (kind: GraphqlOperation['kind'], name: string, line: number): void => {
    if (!found.has(`${kind} ${name}`)) found.set(`${kind} ${name}`, { kind, name, line });
  };
  let root: GraphqlOperation['kind'] | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.length > 1000 ? raw.slice(0, 1000) : raw;
    const open = /^\s*(?:extend\s+)?type\s+(Query|Mutation|Subscription)\s*\{\s*(.*)$/.exec(line);
    if (open) {
      root = open[1]!.toLowerCase() as GraphqlOperation['kind'];
      const inline = open[2]!;
      for (const m of inline.matchAll(/(?:^|[\s,])([a-z_]\w*)\s*[(:]/gi)) add(root, m[1]!, i + 1);
      if (inline.includes('}')) root = undefined;
      return;
    }
    if (root) {
      if (/^\s*\}/.test(line)) {
        root = undefined;
        return;
      }
      const field = /^\s*([a-z_]\w*)\s*[(:]/i.exec(line);
      if (field) add(root, field[1]!, i + 1);
      return;
    }
    const named = /^\s*(?:`|```graphql\s*)?(query|mutation|subscription)\s+([A-Za-z_]\w*)\s*[({]/.exec(line);
    if (named) add(named[1] as GraphqlOperation['kind'], named[2]!, i + 1);
  });
  return [...found.values()];
}
