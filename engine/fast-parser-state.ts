// mdast → ProseMirror document, with the same semantics as Milkdown's ParserState (same runners,
// same node/mark matching order, same text merging) but faster: Milkdown rebuilds and spreads
// the list of every node and mark type for EACH mdast node it matches (`Object.values({...nodes,
// ...marks})`), which was a tenth of the open time and much of the garbage. Here the list is
// built once per schema. Errors that Milkdown would print on console.error are collected
// instead, so a lossy parse is reported rather than printed.
import { Mark, type Attrs, type MarkType, type Node as PmNode, type NodeType, type Schema } from '@milkdown/kit/prose/model';
import type { MarkdownNode, ParserState } from '@milkdown/kit/transformer';

interface ParseSpec {
  match(node: MarkdownNode): boolean;
  runner(state: ParserState, node: MarkdownNode, type: NodeType | MarkType): void;
}
type Target = (NodeType | MarkType) & { spec: { parseMarkdown: ParseSpec } };

interface Frame {
  type: NodeType;
  attrs: Attrs | undefined;
  content: PmNode[];
}

const targetsBySchema = new WeakMap<Schema, Target[]>();

function targetsOf(schema: Schema): Target[] {
  let list = targetsBySchema.get(schema);
  if (!list) {
    // Same order as Milkdown: nodes first, then marks, in schema order.
    list = Object.values({ ...schema.nodes, ...schema.marks }) as Target[];
    targetsBySchema.set(schema, list);
  }
  return list;
}

export class FastParserState {
  readonly errors: unknown[] = [];
  private readonly frames: Frame[] = [];
  private marks: readonly Mark[] = Mark.none;
  private readonly targets: Target[];

  constructor(readonly schema: Schema) {
    this.targets = targetsOf(schema);
  }

  /** Runs the runners on `tree` and returns the document. */
  static parse(schema: Schema, tree: MarkdownNode): { doc: PmNode; errors: unknown[] } {
    const state = new FastParserState(schema);
    state.next(tree);
    return { doc: state.toDoc(), errors: state.errors };
  }

  private top(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  private runNode(node: MarkdownNode): void {
    const type = this.targets.find((t) => t.spec.parseMarkdown.match(node));
    if (!type) throw new Error(`Cannot match target parser for node: ${node.type}.`);
    type.spec.parseMarkdown.runner(this as unknown as ParserState, node, type);
  }

  private addNodeAndPush(type: NodeType, attrs: Attrs | undefined, content: PmNode[] | undefined): PmNode {
    const node = type.createAndFill(attrs, content, this.marks);
    if (!node) throw new Error(`Cannot create node for ${type.name}.`);
    this.top()?.content.push(node);
    return node;
  }

  private closeAndPush(): PmNode {
    this.marks = Mark.none;
    const frame = this.frames.pop();
    if (!frame) throw new Error('Stack overflow.');
    return this.addNodeAndPush(frame.type, frame.attrs, frame.content);
  }

  injectRoot = (node: MarkdownNode, nodeType: NodeType, attrs?: Attrs): this => {
    this.openNode(nodeType, attrs);
    this.next(node.children);
    return this;
  };

  openNode = (nodeType: NodeType, attrs?: Attrs): this => {
    this.frames.push({ type: nodeType, attrs, content: [] });
    return this;
  };

  closeNode = (): this => {
    try {
      this.closeAndPush();
    } catch (e) {
      this.errors.push(e);
    }
    return this;
  };

  addNode = (nodeType: NodeType, attrs?: Attrs, content?: PmNode[]): this => {
    try {
      this.addNodeAndPush(nodeType, attrs, content);
    } catch (e) {
      this.errors.push(e);
    }
    return this;
  };

  openMark = (markType: MarkType, attrs?: Attrs): this => {
    this.marks = markType.create(attrs).addToSet(this.marks);
    return this;
  };

  closeMark = (markType: MarkType): this => {
    this.marks = markType.removeFromSet(this.marks);
    return this;
  };

  addText = (text: string): this => {
    const frame = this.top();
    if (!frame) {
      this.errors.push(new Error('Stack overflow.'));
      return this;
    }
    try {
      const node = this.schema.text(text, this.marks);
      const prev = frame.content[frame.content.length - 1];
      // Adjacent text with the same marks becomes one text node, as in Milkdown.
      if (prev?.isText && Mark.sameSet(prev.marks, node.marks)) frame.content[frame.content.length - 1] = this.schema.text(prev.text! + text, prev.marks);
      else frame.content.push(node);
    } catch (e) {
      this.errors.push(e);
    }
    return this;
  };

  next = (nodes: MarkdownNode | MarkdownNode[] = []): this => {
    if (Array.isArray(nodes)) for (const n of nodes) this.runNode(n);
    else this.runNode(nodes);
    return this;
  };

  toDoc = (): PmNode => {
    let doc: PmNode;
    do doc = this.closeAndPush();
    while (this.frames.length);
    return doc;
  };
}
