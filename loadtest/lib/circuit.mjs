// One Blazor Server circuit driven over SignalR like blazor.web.js (ASP.NET Core 9 script, the one this app serves):
// GET the page (prerendered, with <!--Blazor:{...}--> markers) -> connect /_blazor with the "blazorpack" (MessagePack)
// protocol -> StartCircuit(baseUri, uri, "[]", state) -> UpdateRootComponents({batchId, operations:[add...]}, state)
// -> acknowledge every render batch (OnRenderCompleted) and answer every JS interop call (EndInvokeJSFromDotNet).
// UI events go like the browser's EventDelegator: BeginInvokeDotNetFromJS("DispatchEventAsync") on the renderer's
// interop object, which the server hands over in the Blazor._internal.attachWebRendererInterop call.

import { HubConnectionBuilder, HttpTransportType, LogLevel } from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';
import { get, discoverServerComponents } from './http.mjs';
import { LogicalTree } from './renderbatch.mjs';

const JSCallResultType = { Default: 0, JSObjectReference: 1, JSStreamReference: 2, JSVoidResult: 3 };

export const stats = { jsCalls: new Map(), batches: 0, batchBytes: 0, maxBatchBytes: 0, errors: [], closed: 0 };

function countJsCall(identifier) { stats.jsCalls.set(identifier, (stats.jsCalls.get(identifier) ?? 0) + 1); }

export class Circuit {
  constructor({ base, path, jar, track = true, serverTimeoutMs = 30000, expectStatus = 200 }) {
    this.expectStatus = expectStatus;
    this.base = base;
    this.path = path;
    this.jar = jar;
    this.track = track;
    this.serverTimeoutMs = serverTimeoutMs;
    this.tree = track ? new LogicalTree() : null;
    this.nextCallId = 1;
    this.pendingDotNet = new Map();
    this.nextJsObjectId = 1;
    this.interopObjectId = null;
    this.batchWaiters = [];
    this.lastBatchAt = 0;
    this.error = null;
    this.closed = false;
  }

  async start() {
    const response = await get(this.base, this.path, this.jar);
    if (response.status !== this.expectStatus) throw new Error(`GET ${this.path}: HTTP ${response.status} ${response.headers.get('location') ?? ''}`);
    const { markers, state } = discoverServerComponents(await response.text());
    if (markers.length === 0) throw new Error(`GET ${this.path}: no interactive server components in the page`);

    const protocol = new MessagePackHubProtocol();
    protocol.name = 'blazorpack';
    const connection = new HubConnectionBuilder()
      .withUrl(new URL('_blazor', this.base).toString(), { transport: HttpTransportType.WebSockets, headers: { Cookie: this.jar.header() } })
      .withHubProtocol(protocol)
      .withServerTimeout(this.serverTimeoutMs)
      .configureLogging(LogLevel.None)
      .build();
    this.connection = connection;

    connection.on('JS.AttachComponent', (componentId) => this.tree?.attachRoot(componentId));
    connection.on('JS.BeginInvokeJS', (asyncHandle, identifier, argsJson, resultType) => this.onBeginInvokeJS(asyncHandle, identifier, argsJson, resultType));
    connection.on('JS.EndInvokeDotNet', (callId, success, result) => {
      const pending = this.pendingDotNet.get(callId);
      if (pending) {
        this.pendingDotNet.delete(callId);
        success ? pending.resolve(result) : pending.reject(new Error(String(result)));
      }
    });
    connection.on('JS.RenderBatch', (batchId, data) => this.onRenderBatch(batchId, data));
    connection.on('JS.EndUpdateRootComponents', () => {});
    connection.on('JS.EndLocationChanging', () => {});
    connection.on('JS.ReceiveByteArray', () => {});
    connection.on('JS.SavePersistedState', () => true);
    connection.on('JS.BeginTransmitStream', () => {});
    connection.on('JS.Error', (error) => this.fail(new Error(`JS.Error: ${error}`)));
    connection.onclose((error) => {
      this.closed = true;
      stats.closed++;
      if (!this.stopping) this.fail(error ?? new Error('connection closed'));
    });

    await connection.start();
    this.circuitId = await connection.invoke('StartCircuit', this.base, new URL(this.path.replace(/^\//, ''), this.base).toString(), '[]', state);
    if (!this.circuitId) throw new Error('StartCircuit returned no circuit id');
    const operations = markers.map((marker, i) => ({ type: 'add', ssrComponentId: i + 1, marker }));
    await connection.send('UpdateRootComponents', JSON.stringify({ batchId: 1, operations }), state);
  }

  fail(error) {
    if (!this.error) {
      this.error = error;
      stats.errors.push(`${this.path}: ${error.message}`);
    }
    for (const waiter of this.batchWaiters.splice(0)) waiter.reject(error);
    for (const pending of this.pendingDotNet.values()) pending.reject(error);
    this.pendingDotNet.clear();
  }

  onBeginInvokeJS(asyncHandle, identifier, argsJson, resultType) {
    countJsCall(identifier);
    if (identifier === 'Blazor._internal.attachWebRendererInterop') {
      const args = JSON.parse(argsJson);
      this.interopObjectId = args[1]?.__dotNetObject ?? null;
    }
    if (!asyncHandle) return; // fire and forget
    let result = null;
    if (resultType === JSCallResultType.JSObjectReference) result = { __jsObjectId: this.nextJsObjectId++ };
    this.connection.send('EndInvokeJSFromDotNet', asyncHandle, true, JSON.stringify([asyncHandle, true, result])).catch(() => {});
  }

  onRenderBatch(batchId, data) {
    stats.batches++;
    stats.batchBytes += data.byteLength;
    if (data.byteLength > stats.maxBatchBytes) stats.maxBatchBytes = data.byteLength;
    let error = null;
    if (this.tree) {
      try { this.tree.apply(data); } catch (e) { error = e; }
    }
    this.lastBatchAt = performance.now();
    this.connection.send('OnRenderCompleted', batchId, error ? String(error) : null).catch(() => {});
    if (error) { this.fail(error); return; }
    const waiters = this.batchWaiters.splice(0);
    for (const waiter of waiters) waiter.resolve(this.lastBatchAt);
  }

  nextBatch(timeoutMs = 30000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no render batch within ${timeoutMs} ms`)), timeoutMs);
      this.batchWaiters.push({ resolve: (t) => { clearTimeout(timer); resolve(t); }, reject: (e) => { clearTimeout(timer); reject(e); } });
    });
  }

  /** Waits until predicate(tree) holds after some render batch. */
  async waitFor(predicate, timeoutMs = 60000) {
    const deadline = performance.now() + timeoutMs;
    while (!predicate(this.tree)) {
      if (this.error) throw this.error;
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`${this.path}: not ready within ${timeoutMs} ms`);
      await this.nextBatch(left);
    }
  }

  invokeDotNet(method, args, timeoutMs = 60000) {
    const callId = String(this.nextCallId++);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.pendingDotNet.delete(callId); reject(new Error(`${method} did not complete within ${timeoutMs} ms`)); }, timeoutMs);
      this.pendingDotNet.set(callId, { resolve: (v) => { clearTimeout(timer); resolve(v); }, reject: (e) => { clearTimeout(timer); reject(e); } });
      this.connection.send('BeginInvokeDotNetFromJS', callId, null, method, this.interopObjectId, JSON.stringify(args)).catch(reject);
    });
  }

  /**
   * Clicks the element with the given event handler like the browser's EventDelegator. Resolves with timings (ms):
   * firstBatch = first render batch after sending, done = the server finished the handler (EndInvokeDotNet) and
   * the render it caused has arrived (the server sends that batch before completing the call).
   */
  async click(eventHandlerId) {
    if (this.interopObjectId === null) throw new Error('No renderer interop object yet');
    const mouse = { detail: 1, screenX: 0, screenY: 0, clientX: 0, clientY: 0, offsetX: 0, offsetY: 0, pageX: 0, pageY: 0, movementX: 0, movementY: 0, button: 0, buttons: 0, ctrlKey: false, shiftKey: false, altKey: false, metaKey: false, type: 'click' };
    const started = performance.now();
    const firstBatch = this.nextBatch(60000).then(t => t - started);
    await this.invokeDotNet('DispatchEventAsync', [{ eventHandlerId, eventName: 'click', eventFieldInfo: null }, mouse]);
    const done = performance.now() - started;
    const first = await firstBatch;
    return { firstBatch: first, done: Math.max(done, first) };
  }

  /** Ends the circuit the way a closing tab does: POST _blazor/disconnect (sendBeacon), then close the socket. */
  async stop() {
    this.stopping = true;
    if (this.circuitId) {
      try {
        const response = await fetch(new URL('_blazor/disconnect', this.base), { method: 'POST', body: new URLSearchParams({ circuitId: this.circuitId }), headers: { Cookie: this.jar.header() } });
        await response.arrayBuffer();
      } catch { /* the server may be gone */ }
    }
    await this.connection?.stop().catch(() => {});
  }

  /** Idle circuits keep no tree: the client then only acknowledges batches and answers interop calls. */
  dropTree() { this.tree = null; }
}
