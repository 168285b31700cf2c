// A Node client using only built-ins: CONNECT through the proxy with http.request, TLS with tls.connect
// (trusting only the given CA), then an HTTPS request over that socket. Prints "<status> <sha256 of body> <bytes>".
// Usage: node node-client.js <proxyPort> <host> <path> <caFile> [uploadFile]
'use strict';
const http = require('http');
const https = require('https');
const tls = require('tls');
const fs = require('fs');
const crypto = require('crypto');

const [proxyPort, host, path, caFile, uploadFile] = process.argv.slice(2);
const connect = http.request({ host: '127.0.0.1', port: Number(proxyPort), method: 'CONNECT', path: `${host}:443`, headers: { host: `${host}:443` } });
connect.on('connect', (res, socket) => {
  if (res.statusCode !== 200) { console.error('CONNECT failed ' + res.statusCode); process.exit(2); }
  const secure = tls.connect({ socket, servername: host, ca: fs.readFileSync(caFile), ALPNProtocols: ['http/1.1'] });
  secure.on('error', e => { console.error(e.message); process.exit(3); });
  const options = { host, path, method: uploadFile ? 'POST' : 'GET', createConnection: () => secure, headers: {} };
  if (uploadFile) { options.headers['content-length'] = fs.statSync(uploadFile).size; }
  const req = https.request(options, response => {
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    response.on('data', chunk => { hash.update(chunk); bytes += chunk.length; });
    response.on('end', () => { console.log(`${response.statusCode} ${hash.digest('hex')} ${bytes}`); process.exit(0); });
  });
  req.on('error', e => { console.error(e.message); process.exit(4); });
  if (uploadFile) { fs.createReadStream(uploadFile).pipe(req); } else { req.end(); }
});
connect.on('error', e => { console.error(e.message); process.exit(5); });
connect.end();
