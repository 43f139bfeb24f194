#!/usr/bin/env node
// Circuit load client for BlazorPartner (issue 9 §3). Runs against an app started with Diagnostics__MemoryEndpoint=true
// (loadtest/run.sh does that) and prints markdown.
//
//   node circuits.mjs memory --base http://127.0.0.1:5000/ [--pages /,/sales/opportunities,/finance/vouchers@partner,...]
//                            [--per-page 100] [--warmup 5]
//   node circuits.mjs scale  --base http://127.0.0.1:5000/ [--page /sales/opportunities] [--steps 500,1000,2000]
//                            [--active 200] [--duration 60] [--think 2000-6000] [--users a@x,b@y]
// Common: [--concurrency 8] [--pid <server pid>] [--out results.md] [--json results.json] [--password ...]

import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { signIn } from './lib/http.mjs';
import { Circuit, stats } from './lib/circuit.mjs';
import { LogicalTree } from './lib/renderbatch.mjs';

const ROLES = {
  partner: 'admin@partner-a.demo',
  vendor: 'operator@vendor.demo',
  finance: 'finance@partner-a.demo',
  am: 'am1@partner-a.demo',
};
const DEFAULT_PAGES = ['/', '/sales/opportunities', '/sales/customers', '/finance/vouchers', '/finance/funds', '/todo@vendor', '/vendor/opportunities@vendor', '/vendor/operations@vendor'];
export const MEMORY_HEADER = '| page (user) | circuits | open time | resident (RSS) per circuit | managed per circuit | render batches / bytes received per circuit | server RSS after |\n|---|---|---|---|---|---|---|';
const DEFAULT_USERS = ['admin@partner-a.demo', 'supervisor@partner-a.demo', 'am1@partner-a.demo', 'am2@partner-a.demo'];

function parseArgs(argv) {
  const [mode, ...rest] = argv;
  const options = { mode };
  for (let i = 0; i < rest.length; i++) {
    const key = rest[i].replace(/^--/, '');
    options[key] = rest[i + 1];
    i++;
  }
  return options;
}

const opt = parseArgs(process.argv.slice(2));
if (!['memory', 'scale'].includes(opt.mode) || !opt.base) {
  console.error('usage: node circuits.mjs memory|scale --base http://127.0.0.1:PORT/ [options] (see the header of this file)');
  process.exit(2);
}
const base = opt.base.endsWith('/') ? opt.base : `${opt.base}/`;
const password = opt.password ?? 'Partner#2026';
const concurrency = Number(opt.concurrency ?? 8);
const pid = opt.pid ? Number(opt.pid) : null;

const sleep = (ms) => new Promise(r => setTimeout(r, ms));
const MB = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const KB = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const rows = (tree) => tree.findAll(n => n.name === 'tr' && LogicalTree.hasClass(n, 'rz-data-row'));
const tabs = (tree) => tree.findAll(n => n.name === 'button' && n.attributes.get('role') === 'radio' && n.events.has('click'));

/** Page is drawn: list pages once their grid has rows, others once their h1 is rendered (as App.Benchmarks circuits). */
function readyPredicate(path) {
  if (/opportunities$|customers$/.test(path)) return (t) => rows(t).length > 0;
  return (t) => t.findAll(n => n.name === 'h1').length > 0;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** Forces a full GC in the server and reads its memory and open circuits (App/Platform/Diagnostics/MemoryDiagnostics.cs). */
async function serverMemory(readings = 2) {
  let last;
  for (let i = 0; i < readings; i++) {
    await sleep(1000);
    const response = await fetch(new URL('_diagnostics/memory', base), { method: 'POST' });
    if (!response.ok) throw new Error(`/_diagnostics/memory: HTTP ${response.status} (start the app with Diagnostics__MemoryEndpoint=true)`);
    last = await response.json();
  }
  if (pid && existsSync(`/proc/${pid}/status`)) {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
    last.vmRss = kb('VmRSS');
    last.vmHwm = kb('VmHWM');
  }
  return last;
}

/** CPU seconds (user + system) the server process has used, from /proc/<pid>/stat. */
function serverCpuSeconds() {
  if (!pid || !existsSync(`/proc/${pid}/stat`)) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** The server's resident memory from /proc without forcing a GC (a forced compacting GC of a multi-GB heap stalls the server). */
function processMemory() {
  if (!pid || !existsSync(`/proc/${pid}/status`)) return null;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

const jars = new Map();
async function jarFor(email) {
  if (!jars.has(email)) jars.set(email, await signIn(base, email, password));
  return jars.get(email);
}

/** Opens count circuits (concurrency at a time), each waits until its page is drawn; idle ones then drop their tree. */
async function openCircuits(path, emails, count, keepTree, onProgress) {
  const ready = readyPredicate(path);
  const opened = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const jar = await jarFor(emails[i % emails.length]);
      const circuit = new Circuit({ base, path, jar });
      try {
        await circuit.start();
        await circuit.waitFor(ready, 120000);
      } catch (error) {
        circuit.fail(error);
        throw error;
      }
      if (!keepTree(i)) circuit.dropTree();
      opened.push(circuit);
      if (opened.length % 250 === 0) onProgress?.(opened.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { circuits: opened, seconds: (performance.now() - started) / 1000 };
}

async function closeAll(circuits) {
  for (let i = 0; i < circuits.length; i += 50) await Promise.all(circuits.slice(i, i + 50).map(c => c.stop()));
}

function pageSpec(spec) {
  const at = spec.lastIndexOf('@');
  const path = at > 0 ? spec.substring(0, at) : spec;
  const role = at > 0 ? spec.substring(at + 1) : (path.startsWith('/vendor') ? 'vendor' : 'partner');
  const email = ROLES[role] ?? (role.includes('@') ? role : null);
  if (!email) throw new Error(`Unknown role ${role} in ${spec}`);
  return { path, role, email };
}

const report = [];
const json = { mode: opt.mode, base, startedUtc: new Date().toISOString(), loadAtStart: loadavg(), results: [] };

async function runMemory() {
  const pages = (opt.pages ? opt.pages.split(',') : DEFAULT_PAGES).map(pageSpec);
  const perPage = Number(opt['per-page'] ?? 100);
  const warmup = Number(opt.warmup ?? 5);
  if (!opt['rows-only']) {
    report.push(`Memory per idle circuit: ${perPage} circuits per page after ${warmup} warm-up circuits; full compacting GC in the server before each reading (/_diagnostics/memory); circuits closed with _blazor/disconnect after each page.`, '');
    report.push(MEMORY_HEADER);
  }
  for (const page of pages) {
    try {
      await measurePage(page, perPage, warmup);
    } catch (error) {
      report.push(`| ${page.path} (${page.email}) | failed: ${error.message} | | | | | |`);
      console.error(`${page.path}: ${error.message}`);
    }
  }
}

async function measurePage(page, perPage, warmup) {
  {
    const emails = [page.email];
    const warm = await openCircuits(page.path, emails, warmup, () => false);
    const before = await serverMemory();
    const batches0 = stats.batches; const bytes0 = stats.batchBytes;
    const { circuits, seconds } = await openCircuits(page.path, emails, perPage, () => false);
    const after = await serverMemory();
    const expected = before.openCircuits + perPage;
    const ok = after.openCircuits === expected;
    const rss = (after.workingSetBytes - before.workingSetBytes) / perPage;
    const managed = (after.managedBytes - before.managedBytes) / perPage;
    const batches = stats.batches - batches0; const bytes = stats.batchBytes - bytes0;
    report.push(`| ${page.path} (${page.email}) | ${perPage}${ok ? '' : ` (server counts ${after.openCircuits - before.openCircuits}!)`} | ${seconds.toFixed(1)} s | ${KB(rss)} | ${KB(managed)} | ${(batches / perPage).toFixed(1)} / ${KB(bytes / perPage)} | ${MB(after.workingSetBytes)} |`);
    json.results.push({ page: page.path, user: page.email, circuits: perPage, seconds, before, after, rssPerCircuit: rss, managedPerCircuit: managed, batchesPerCircuit: batches / perPage, batchBytesPerCircuit: bytes / perPage, countOk: ok });
    console.error(`${page.path}: ${KB(rss)} RSS, ${KB(managed)} managed per circuit (${seconds.toFixed(1)} s to open ${perPage}); load ${loadavg()}`);
    await closeAll([...warm.circuits, ...circuits]);
    await sleep(2000);
  }
}

async function activePhase(active, durationS, thinkMin, thinkMax) {
  const latencies = []; const firsts = []; const failures = [];
  const stopAt = performance.now() + durationS * 1000;
  let nextTab = 0;
  const user = async (circuit, index) => {
    // Spread the users' first clicks over one think time, then each clicks, waits for its render, thinks, clicks again.
    await sleep(Math.random() * thinkMax);
    let tab = index;
    while (performance.now() < stopAt) {
      const buttons = tabs(circuit.tree);
      if (buttons.length === 0) { failures.push('no tabs'); break; }
      const target = buttons[(++tab + nextTab) % buttons.length];
      try {
        const timing = await circuit.click(target.events.get('click'));
        if (target.attributes.get('aria-checked') !== 'true' && !tabs(circuit.tree).some(b => b.attributes.get('aria-label') === target.attributes.get('aria-label') && b.attributes.get('aria-checked') === 'true')) {
          failures.push('tab not selected after the click');
        }
        latencies.push(timing.done);
        firsts.push(timing.firstBatch);
      } catch (error) {
        failures.push(error.message);
        if (circuit.error) break;
      }
      await sleep(thinkMin + Math.random() * (thinkMax - thinkMin));
    }
  };
  const started = performance.now();
  await Promise.all(active.map(user));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b); firsts.sort((a, b) => a - b);
  return { events: latencies.length, seconds, rate: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.at(-1), firstP50: percentile(firsts, 50), firstP95: percentile(firsts, 95), failures };
}

async function runScale() {
  const path = opt.page ?? '/sales/opportunities';
  const steps = (opt.steps ?? '500,1000,2000').split(',').map(Number);
  const activeCount = Number(opt.active ?? 200);
  const duration = Number(opt.duration ?? 60);
  const [thinkMin, thinkMax] = (opt.think ?? '2000-6000').split('-').map(Number);
  const emails = opt.users ? opt.users.split(',') : DEFAULT_USERS;
  report.push(`Scale on ${path}: circuits spread round-robin over ${emails.join(', ')} (per-user cap off: Circuits__MaxCircuitsPerUser=0). ` +
    `The first ${activeCount} circuits are the active users: each clicks the next status tab (RadzenSelectBar button, DispatchEventAsync), waits for the render, thinks ${thinkMin / 1000}–${thinkMax / 1000} s, for ${duration} s per step; the others stay idle (connected, acknowledging, no events). ` +
    'Latency = click sent → the server completed the event (JS.EndInvokeDotNet) with its render batch received; "first batch" = click → first render batch.', '');
  report.push('| N circuits (incl. active) | server RSS before the events (no GC) | RSS / managed after a full GC (after the events) | open circuits (server, after GC) | events | events/s | p50 | p95 | p99 | first batch p50 / p95 | failures | server CPU idle (all N idle, 15 s) | CPU of one core during the events: server / client | load avg |', '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  const baseline = await serverMemory();
  json.baseline = baseline;
  const all = [];
  for (const n of steps) {
    const add = n - all.length;
    if (add > 0) {
      const offset = all.length;
      const { circuits, seconds } = await openCircuits(path, emails.slice(offset % emails.length).concat(emails.slice(0, offset % emails.length)), add,
        (i) => offset + i < activeCount, (k) => console.error(`  ${offset + k}/${n} circuits open; load ${loadavg()}`));
      // openCircuits pushes in completion order; keep the tracked (active) ones first.
      all.push(...circuits.filter(c => c.tree), ...circuits.filter(c => !c.tree));
      console.error(`N=${n}: opened ${add} in ${seconds.toFixed(1)} s`);
    }
    // Resident memory before the events without a GC; the forced full GC reading comes after the events: at 5,000
    // circuits (a ~5 GB heap) a forced compacting GC stalled the server past the 30 s server timeout and every client
    // dropped its connection, which must not happen before the latency phase.
    // Server CPU while all N are idle (session re-checks, keep-alive pings, timers), over 15 s.
    const idle0 = serverCpuSeconds(); await sleep(15000); const idleCpu = (serverCpuSeconds() - idle0) / 15;
    const rssNoGc = processMemory();
    const load1 = loadavg();
    const active = all.filter(c => c.tree && !c.error).slice(0, activeCount);
    const cpu0 = serverCpuSeconds(); const client0 = process.cpuUsage();
    const result = await activePhase(active, duration, thinkMin, thinkMax);
    const serverCpu = serverCpuSeconds() - cpu0; const clientUsage = process.cpuUsage(client0);
    const clientCpu = (clientUsage.user + clientUsage.system) / 1e6;
    const load2 = loadavg();
    const brokenBeforeGc = all.filter(c => c.error || c.closed).length;
    const memory = await serverMemory(1);
    const broken = all.filter(c => c.error || c.closed).length;
    const failures = result.failures.length;
    const fmt = (v) => Number.isFinite(v) ? `${v.toFixed(0)} ms` : 'n/a';
    report.push(`| ${n} | ${rssNoGc ? MB(rssNoGc) : 'n/a'} | ${MB(memory.workingSetBytes)} / ${MB(memory.managedBytes)} | ${memory.openCircuits}${brokenBeforeGc ? ` (${brokenBeforeGc} lost during events)` : ''}${broken > brokenBeforeGc ? ` (${broken - brokenBeforeGc} lost after the forced GC)` : ''} | ${result.events} | ${result.rate.toFixed(1)} | ${fmt(result.p50)} | ${fmt(result.p95)} | ${fmt(result.p99)} | ${fmt(result.firstP50)} / ${fmt(result.firstP95)} | ${failures} | ${(idleCpu * 100).toFixed(0)} % | ${(serverCpu / result.seconds * 100).toFixed(0)} % / ${(clientCpu / result.seconds * 100).toFixed(0)} % (${(serverCpu * 1000 / Math.max(1, result.events)).toFixed(1)} ms server CPU per event) | ${load1} → ${load2} |`);
    json.results.push({ n, rssNoGc, memory, brokenDuringEvents: brokenBeforeGc, brokenClientSide: broken, ...result, failures: [...new Set(result.failures)].slice(0, 10), failureCount: failures, loadBefore: load1, loadAfter: load2, serverCpuSeconds: serverCpu, idleServerCpuShare: idleCpu, clientCpuSeconds: clientCpu });
    console.error(`N=${n}: RSS ${MB(memory.workingSetBytes)}, ${memory.openCircuits} open, ${result.events} events, p50 ${fmt(result.p50)}, p95 ${fmt(result.p95)}, failures ${failures}; load ${load2}`);
  }

  // Idle memory slope over the steps (least squares on RSS and managed against N), extrapolated to 8 GiB.
  // Resident before the events (no GC: what the box must hold); managed after the GC, from steps whose circuits all survived it.
  const points = json.results.map(r => ({ n: r.n, rss: r.rssNoGc ?? r.memory.workingSetBytes, managed: r.brokenClientSide ? NaN : r.memory.managedBytes }));
  const fit = (key) => {
    // Over the measured steps only when there are two or more: the cold baseline (no JIT, no caches) would steepen the line.
    const usable = points.filter(p => Number.isFinite(p[key]));
    const cold = usable.length < 2 ? [{ n: 0, rss: baseline.workingSetBytes, managed: baseline.managedBytes }] : [];
    const xs = [...cold, ...usable].map(p => p.n); const ys = [...cold, ...usable].map(p => p[key]);
    const mx = xs.reduce((a, b) => a + b) / xs.length; const my = ys.reduce((a, b) => a + b) / ys.length;
    const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    return { slope, intercept: my - slope * mx };
  };
  const rssFit = fit('rss'); const managedFit = fit('managed');
  const budget = 8 * 1024 ** 3;
  const fits = Math.floor((budget - rssFit.intercept) / rssFit.slope);
  json.fit = { rss: rssFit, managed: managedFit, circuitsIn8GiB: fits };
  report.push('', `Baseline before any load circuit: RSS ${MB(baseline.workingSetBytes)}, managed ${MB(baseline.managedBytes)}, ${baseline.openCircuits} circuits.`);
  report.push(`Least-squares slope against N (resident: before the events, no GC; managed: after the full GC, steps whose circuits survived it) over ${points.length < 2 ? '0…' + steps.at(-1) : steps.join(', ')} circuits: ${KB(rssFit.slope)} RSS and ${KB(managedFit.slope)} managed per circuit (intercept ${MB(rssFit.intercept)}); ` +
    `extrapolated, ${fits.toLocaleString('en-US')} idle circuits fit in 8 GiB of RSS (a straight-line extrapolation beyond the largest N measured, not a measurement).`);
  await closeAll(all);
}

let exitCode = 0;
try {
  if (opt.mode === 'memory') await runMemory(); else await runScale();
} catch (error) {
  exitCode = 1;
  report.push('', `**Run failed:** ${error.stack ?? error}`);
} finally {
  json.loadAtEnd = loadavg();
  json.jsCalls = Object.fromEntries(stats.jsCalls);
  json.renderBatches = { count: stats.batches, bytes: stats.batchBytes, maxBytes: stats.maxBatchBytes };
  json.clientErrors = [...new Set(stats.errors)].slice(0, 20);
  if (!opt['rows-only']) report.push('', `Load average (1/5/15 min) at start ${json.loadAtStart}, at end ${json.loadAtEnd}. Render batches received: ${stats.batches} (${MB(stats.batchBytes)}, largest ${KB(stats.maxBatchBytes)}). ` +
    `JS interop calls answered: ${[...stats.jsCalls].map(([k, v]) => `${k} ×${v}`).join(', ')}.`);
  if (json.clientErrors.length && !opt['rows-only']) report.push('', `Client-side errors (${stats.errors.length}): ${json.clientErrors.join('; ')}`);
  const markdown = report.join('\n');
  console.log(markdown);
  if (opt.out) writeFileSync(opt.out, `${markdown}\n`);
  if (opt.json) writeFileSync(opt.json, JSON.stringify(json, null, 2));
}
process.exit(exitCode);
