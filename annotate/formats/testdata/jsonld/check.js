// check.js runs jsonld.js (jsonld.min.js beside it) on a JSON-LD file,
// offline: the one remote context it loads is the W3C Web Annotation
// context, from anno.jsonld beside it; any other is an error.
//
//   node check.js FILE        expand and toRDF (N-Quads) under JSON-LD 1.1;
//                             prints {"quads": N, "jsonLiterals": N}
//   node check.js FILE 1.0    expand with processingMode json-ld-1.0;
//                             prints {"error": code} or {"expanded": true}
//
// Used by annotate/formats's TestW3CJSONLDProcessor.
'use strict';
const fs = require('fs');
const path = require('path');
const jsonld = require('./jsonld.min.js');

const anno = JSON.parse(fs.readFileSync(path.join(__dirname, 'anno.jsonld'), 'utf8'));
const documentLoader = async (url) => {
  if (url === 'http://www.w3.org/ns/anno.jsonld' || url === 'https://www.w3.org/ns/anno.jsonld') {
    return {contextUrl: null, documentUrl: url, document: anno};
  }
  throw new Error('offline: no document at ' + url);
};

(async () => {
  const doc = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  if (process.argv[3] === '1.0') {
    try {
      await jsonld.expand(doc, {documentLoader, processingMode: 'json-ld-1.0', safe: false});
      console.log(JSON.stringify({expanded: true}));
    } catch (e) {
      console.log(JSON.stringify({error: (e.details && e.details.code) || e.name}));
    }
    return;
  }
  await jsonld.expand(doc, {documentLoader, safe: true});
  const nquads = await jsonld.toRDF(doc, {documentLoader, format: 'application/n-quads', safe: true});
  const lines = nquads.split('\n').filter((l) => l !== '');
  const json = lines.filter((l) => l.includes('<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON>'));
  console.log(JSON.stringify({quads: lines.length, jsonLiterals: json.length}));
})().catch((e) => {
  console.error((e.details && e.details.code ? e.details.code + ': ' : '') + e.message);
  process.exit(1);
});
