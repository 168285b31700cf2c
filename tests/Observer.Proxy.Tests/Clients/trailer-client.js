// A Node client using only built-ins that sends request trailers, which HttpClient and curl cannot do.
// POSTs <bodyFile> to https://<host><path> in three writes, then the request trailer
// "x-checksum: <sha256 of the body>": over HTTP/2 with stream.sendTrailers, over HTTP/1.1 with chunked encoding,
// a declared "Trailer: x-checksum" header and req.addTrailers. TLS trusts only <caFile>.
// <target> is either a proxy port (CONNECT <host>:443 through it) or "direct:<port>" (TLS straight to 127.0.0.1:<port>).
// Prints one JSON line: {"status":200,"body":"...","trailers":{...}} with the response trailers.
// Usage: node trailer-client.js <h1|h2> <host> <path> <caFile> <bodyFile> <target>
'use strict';
const http = require('http');
const http2 = require('http2');
const https = require('https');
const tls = require('tls');
const fs = require('fs');
const crypto = require('crypto');

const [mode, host, path, caFile, bodyFile, target] = process.argv.slice(2);
const alpn = mode === 'h2' ? 'h2' : 'http/1.1';
const ca = fs.readFileSync(caFile);
const body = fs.readFileSync(bodyFile);
const checksum = crypto.createHash('sha256').update(body).digest('hex');
const third = Math.ceil(body.length / 3);
const pieces = [body.subarray(0, third), body.subarray(third, 2 * third), body.subarray(2 * third)];

setTimeout(() => fail(6, 'no answer within 60 s'), 60000).unref();

function fail(code, message) {
  console.error(message);
  process.exit(code);
}

function done(status, chunks, trailers) {
  const plain = {};
  for (const [name, value] of Object.entries(trailers || {})) { plain[name] = String(value); }
  console.log(JSON.stringify({ status, body: Buffer.concat(chunks).toString('utf8'), trailers: plain }));
  process.exit(0);
}

function secure(socket, onReady) {
  const options = { servername: host, ca, ALPNProtocols: [alpn] };
  if (socket) { options.socket = socket; } else { options.host = '127.0.0.1'; options.port = Number(target.slice('direct:'.length)); }
  const s = tls.connect(options, () => {
    if (s.alpnProtocol !== alpn) { fail(3, `ALPN gave ${s.alpnProtocol}, wanted ${alpn}`); }
    onReady(s);
  });
  s.on('error', e => fail(3, e.message));
}

function open(onReady) {
  if (target.startsWith('direct:')) { secure(null, onReady); return; }
  const connect = http.request({ host: '127.0.0.1', port: Number(target), method: 'CONNECT', path: `${host}:443`, headers: { host: `${host}:443` } });
  connect.on('connect', (res, socket) => {
    if (res.statusCode !== 200) { fail(2, 'CONNECT failed ' + res.statusCode); }
    secure(socket, onReady);
  });
  connect.on('error', e => fail(5, e.message));
  connect.end();
}

function sendHttp2(socket) {
  const session = http2.connect(`https://${host}`, { createConnection: () => socket });
  session.on('error', e => fail(4, e.message));
  const stream = session.request({ ':method': 'POST', ':path': path, 'content-type': 'application/octet-stream' }, { waitForTrailers: true });
  stream.on('wantTrailers', () => stream.sendTrailers({ 'x-checksum': checksum }));
  let status = 0;
  let trailers = {};
  const chunks = [];
  stream.on('response', headers => { status = headers[':status']; });
  stream.on('trailers', t => { trailers = t; });
  stream.on('data', c => chunks.push(c));
  stream.on('end', () => done(status, chunks, trailers));
  stream.on('error', e => fail(4, e.message));
  for (const piece of pieces) { stream.write(piece); }
  stream.end();
}

function sendHttp1(socket) {
  const headers = { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked', trailer: 'x-checksum' };
  const req = https.request({ host, path, method: 'POST', headers, createConnection: () => socket }, res => {
    const chunks = [];
    res.on('data', c => chunks.push(c));
    res.on('end', () => done(res.statusCode, chunks, res.trailers));
  });
  req.on('error', e => fail(4, e.message));
  for (const piece of pieces) { req.write(piece); }
  req.addTrailers({ 'x-checksum': checksum });
  req.end();
}

open(mode === 'h2' ? sendHttp2 : sendHttp1);
