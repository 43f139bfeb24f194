// Reads Blazor's binary render batch (RenderBatchWriter on the server, OutOfProcessRenderBatch in blazor.web.js) and
// applies it to a small logical tree, so a load client can find the current event handler ids of what it clicks.
// Layout (little endian): ... sections ... then five int32 offsets at the end: updated components, reference frames,
// disposed component ids, disposed event handler ids, string table. Frames are 20 bytes, edits 16 bytes.

const EditType = { prependFrame: 1, removeFrame: 2, setAttribute: 3, removeAttribute: 4, updateText: 5, stepIn: 6, stepOut: 7, updateMarkup: 8, permutationListEntry: 9, permutationListEnd: 10 };
const FrameType = { element: 1, text: 2, attribute: 3, component: 4, region: 5, elementReferenceCapture: 6, componentReferenceCapture: 7, markup: 8, namedEvent: 10 };

const decoder = new TextDecoder('utf-8');

export class RenderBatch {
  constructor(bytes) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = bytes.byteLength;
    this.updatedComponentsAt = this.int(end - 20);
    this.referenceFramesAt = this.int(end - 16);
    this.disposedComponentIdsAt = this.int(end - 12);
    this.disposedEventHandlerIdsAt = this.int(end - 8);
    this.stringTableAt = this.int(end - 4);
    this.strings = new Map();
  }

  int(offset) { return this.view.getInt32(offset, true); }

  uint64(offset) { return Number(this.view.getBigUint64(offset, true)); }

  string(index) {
    if (index === -1) return null;
    let value = this.strings.get(index);
    if (value !== undefined) return value;
    let position = this.int(this.stringTableAt + 4 * index);
    // .NET BinaryWriter: 7-bit encoded length prefix, then UTF-8 bytes.
    let length = 0; let shift = 0;
    for (;;) {
      const byte = this.bytes[position++];
      length |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    value = decoder.decode(this.bytes.subarray(position, position + length));
    this.strings.set(index, value);
    return value;
  }

  frame(index) { return this.referenceFramesAt + 4 + 20 * index; }
  frameType(f) { return this.int(f); }
  subtreeLength(f) { return this.int(f + 4); }
  componentId(f) { return this.int(f + 8); }
  elementName(f) { return this.string(this.int(f + 8)); }
  textContent(f) { return this.string(this.int(f + 4)); }
  attributeName(f) { return this.string(this.int(f + 4)); }
  attributeValue(f) { return this.string(this.int(f + 8)); }
  attributeEventHandlerId(f) { return this.uint64(f + 12); }

  *updatedComponents() {
    const count = this.int(this.updatedComponentsAt);
    for (let i = 0; i < count; i++) {
      const diff = this.int(this.updatedComponentsAt + 4 + 4 * i);
      const componentId = this.int(diff);
      const editCount = this.int(diff + 4);
      yield { componentId, edits: diff + 8, editCount };
    }
  }

  *disposedComponentIds() {
    const count = this.int(this.disposedComponentIdsAt);
    for (let i = 0; i < count; i++) yield this.int(this.disposedComponentIdsAt + 4 + 4 * i);
  }

  *disposedEventHandlerIds() {
    const count = this.int(this.disposedEventHandlerIdsAt);
    for (let i = 0; i < count; i++) yield this.uint64(this.disposedEventHandlerIdsAt + 4 + 8 * i);
  }
}

/** A node of the logical tree: element, text, markup or component container (regions are flattened, as in the browser). */
function node(kind, props) { return { kind, children: [], parent: null, ...props }; }

export class LogicalTree {
  constructor() {
    this.components = new Map(); // componentId -> container node
    this.roots = [];
    this.handlers = new Map(); // eventHandlerId -> element node
  }

  attachRoot(componentId) {
    const container = this.container(componentId);
    this.roots.push(container);
  }

  container(componentId) {
    let container = this.components.get(componentId);
    if (!container) {
      container = node('component', { componentId });
      this.components.set(componentId, container);
    }
    return container;
  }

  apply(bytes) {
    const batch = new RenderBatch(bytes);
    for (const diff of batch.updatedComponents()) {
      this.applyEdits(batch, this.container(diff.componentId), diff.edits, diff.editCount);
    }
    for (const id of batch.disposedComponentIds()) this.components.delete(id);
    for (const id of batch.disposedEventHandlerIds()) {
      const element = this.handlers.get(id);
      if (element) {
        for (const [name, handlerId] of element.events) if (handlerId === id) element.events.delete(name);
        this.handlers.delete(id);
      }
    }
    return batch;
  }

  applyEdits(batch, root, editsAt, editCount) {
    let parent = root;
    let depth = 0;
    let permutations = null;
    for (let i = 0; i < editCount; i++) {
      const edit = editsAt + 16 * i;
      const type = batch.int(edit);
      const sibling = batch.int(edit + 4);
      const frameIndex = batch.int(edit + 8);
      switch (type) {
        case EditType.prependFrame:
          this.insertFrame(batch, parent, sibling, frameIndex);
          break;
        case EditType.removeFrame:
          this.remove(parent, sibling);
          break;
        case EditType.setAttribute:
          this.setAttribute(batch, parent.children[sibling], batch.frame(frameIndex));
          break;
        case EditType.removeAttribute: {
          const element = parent.children[sibling];
          const name = batch.string(batch.int(edit + 12));
          element.attributes.delete(name);
          if (name?.startsWith('on')) element.events.delete(name.substring(2));
          break;
        }
        case EditType.updateText:
          parent.children[sibling].text = batch.textContent(batch.frame(frameIndex));
          break;
        case EditType.updateMarkup:
          parent.children[sibling].text = batch.textContent(batch.frame(frameIndex));
          break;
        case EditType.stepIn:
          parent = parent.children[sibling];
          depth++;
          break;
        case EditType.stepOut:
          parent = parent.parent;
          depth--;
          break;
        case EditType.permutationListEntry:
          (permutations ??= []).push({ from: sibling, to: frameIndex });
          break;
        case EditType.permutationListEnd: {
          const snapshot = parent.children.slice();
          for (const { from, to } of permutations) parent.children[to] = snapshot[from];
          permutations = null;
          break;
        }
        default:
          throw new Error(`Unknown edit type ${type}`);
      }
    }
    if (depth !== 0) throw new Error(`Unbalanced stepIn/stepOut (${depth})`);
  }

  /** Inserts the frame and its subtree at index; returns how many logical children it added. */
  insertFrame(batch, parent, index, frameIndex) {
    const f = batch.frame(frameIndex);
    switch (batch.frameType(f)) {
      case FrameType.element: {
        const element = node('element', { name: batch.elementName(f), attributes: new Map(), events: new Map() });
        this.insert(parent, index, element);
        const end = frameIndex + batch.subtreeLength(f);
        let child = frameIndex + 1;
        for (; child < end; child++) {
          const cf = batch.frame(child);
          if (batch.frameType(cf) !== FrameType.attribute) break;
          this.setAttribute(batch, element, cf);
        }
        this.insertRange(batch, element, 0, child, end);
        return 1;
      }
      case FrameType.text:
        this.insert(parent, index, node('text', { text: batch.textContent(f) }));
        return 1;
      case FrameType.markup:
        this.insert(parent, index, node('markup', { text: batch.textContent(f) }));
        return 1;
      case FrameType.component: {
        const container = this.container(batch.componentId(f));
        this.insert(parent, index, container);
        return 1;
      }
      case FrameType.region:
        return this.insertRange(batch, parent, index, frameIndex + 1, frameIndex + batch.subtreeLength(f));
      case FrameType.attribute:
        throw new Error('Attribute frame outside an element');
      default:
        return 0; // reference captures, named events
    }
  }

  insertRange(batch, parent, index, start, end) {
    const first = index;
    for (let i = start; i < end; i++) {
      const f = batch.frame(i);
      index += this.insertFrame(batch, parent, index, i);
      const type = batch.frameType(f);
      if (type === FrameType.element || type === FrameType.component || type === FrameType.region) i += batch.subtreeLength(f) - 1;
    }
    return index - first;
  }

  insert(parent, index, child) {
    child.parent = parent;
    parent.children.splice(index, 0, child);
  }

  remove(parent, index) {
    const [child] = parent.children.splice(index, 1);
    if (child) child.parent = null;
  }

  setAttribute(batch, element, f) {
    const name = batch.attributeName(f);
    const handlerId = batch.attributeEventHandlerId(f);
    if (handlerId) {
      const eventName = name.startsWith('on') ? name.substring(2) : name;
      element.events.set(eventName, handlerId);
      this.handlers.set(handlerId, element);
    } else {
      element.attributes.set(name, batch.attributeValue(f));
    }
  }

  /** Every element (depth first, document order) for which predicate is true. */
  findAll(predicate, from = null) {
    const found = [];
    const visit = (n) => {
      if (n.kind === 'element' && predicate(n)) found.push(n);
      for (const c of n.children) visit(c);
    };
    for (const root of from ? [from] : this.roots) visit(root);
    return found;
  }

  static text(n) {
    if (n.kind === 'text') return n.text ?? '';
    if (n.kind === 'markup') return (n.text ?? '').replace(/<[^>]*>/g, '');
    return n.children.map(LogicalTree.text).join('');
  }

  static hasClass(n, cls) {
    return (n.attributes?.get('class') ?? '').split(/\s+/).includes(cls);
  }

  /** Approximate HTML of the tree, for debugging. */
  html(n = null) {
    if (!n) return this.roots.map(r => this.html(r)).join('\n');
    if (n.kind === 'text') return n.text ?? '';
    if (n.kind === 'markup') return n.text ?? '';
    const inner = n.children.map(c => this.html(c)).join('');
    if (n.kind === 'component') return `<!--c${n.componentId}-->${inner}<!--/c${n.componentId}-->`;
    const attrs = [...n.attributes].map(([k, v]) => ` ${k}="${v ?? ''}"`).join('') + [...n.events].map(([k, v]) => ` on${k}=#${v}`).join('');
    return `<${n.name}${attrs}>${inner}</${n.name}>`;
  }
}
