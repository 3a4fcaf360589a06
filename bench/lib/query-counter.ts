import {
  AliasNode,
  DeleteQueryNode,
  InsertQueryNode,
  SelectQueryNode,
  TableNode,
  UpdateQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from "kysely";

/**
 * Counts the SQL statements a Kysely instance sends, by kind and first table ("select members"),
 * so a bench can tell a statement per row (N+1) from a statement per batch. It changes nothing.
 */

function tableName(node: OperationNode | undefined): string {
  if (!node) return "?";
  if (TableNode.is(node)) return node.table.identifier.name;
  if (AliasNode.is(node)) return tableName(node.node);
  return "?";
}

function describe(node: RootOperationNode): string {
  if (SelectQueryNode.is(node)) return `select ${tableName(node.from?.froms[0])}`;
  if (InsertQueryNode.is(node)) return `insert ${tableName(node.into)}`;
  if (UpdateQueryNode.is(node)) return `update ${tableName(node.table)}`;
  if (DeleteQueryNode.is(node)) return `delete ${tableName(node.from.froms[0])}`;
  return node.kind;
}

export class QueryCounter implements KyselyPlugin {
  total = 0;
  private readonly byKind = new Map<string, number>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.total++;
    const key = describe(args.node);
    this.byKind.set(key, (this.byKind.get(key) ?? 0) + 1);
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }

  reset(): void {
    this.total = 0;
    this.byKind.clear();
  }

  /** The most frequent statements, "select members × 2003, …". */
  top(n: number): string {
    return [...this.byKind.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${k} × ${v}`)
      .join(", ");
  }
}
