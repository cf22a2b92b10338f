#!/usr/bin/env node
// Validates every document of a multi-document YAML stream (what `helm template` prints) against Kubernetes'
// OpenAPI schemas (kubernetes-models) and prometheus-operator's CRD schemas (@kubernetes-models/prometheus-operator).
// Usage: node validate-manifests.mjs [FILE ...]   (no FILE, or "-": standard input)
// Exit codes: 0 every document is valid; 1 a document is invalid or of a kind no schema here covers;
// 2 the input cannot be read or parsed, or holds no manifest.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const operatorGroups = new Set(["monitoring.coreos.com"]);

function moduleFor(apiVersion) {
  const slash = apiVersion.indexOf("/");
  if (slash < 0) {
    return `kubernetes-models/${apiVersion}`;
  }
  const group = apiVersion.slice(0, slash);
  return operatorGroups.has(group)
    ? `@kubernetes-models/prometheus-operator/${apiVersion}`
    : `kubernetes-models/${apiVersion}`;
}

// The model class for apiVersion/kind, or null. The modules also export sub-types (DeploymentSpec, ...), so only a
// class that declares this very apiVersion and kind counts.
async function modelFor(apiVersion, kind) {
  let module;
  try {
    module = await import(moduleFor(apiVersion));
  } catch {
    return null;
  }
  const model = module[kind];
  return typeof model === "function" && model.apiVersion === apiVersion && model.kind === kind ? model : null;
}

function describe(error) {
  const path = error.instancePath || "/";
  const details = error.keyword === "enum" ? ` (${error.params.allowedValues.join(", ")})` : "";
  return `${path} ${error.message ?? error.keyword}${details}`;
}

function read(argument) {
  return argument === "-" ? readFileSync(0, "utf8") : readFileSync(argument, "utf8");
}

const inputs = process.argv.length > 2 ? process.argv.slice(2) : ["-"];
let failed = 0;
let valid = 0;
for (const input of inputs) {
  let text;
  try {
    text = read(input);
  } catch (error) {
    console.error(`${input}: cannot read: ${error.message}`);
    process.exit(2);
  }

  // YAML 1.1, as Kubernetes' decoder reads it: an unquoted yes/no/on/off is a boolean there, not a string.
  const documents = parseAllDocuments(text, { version: "1.1" });
  for (const [index, document] of documents.entries()) {
    if (document.errors.length > 0) {
      console.error(`${input === "-" ? "stdin" : input}: document ${index + 1} is not valid YAML: ${document.errors.map(e => e.message).join("; ")}`);
      process.exit(2);
    }
    const object = document.toJS();
    if (object === null || object === undefined) {
      continue;
    }
    const comments = `${document.commentBefore ?? ""}\n${document.contents?.commentBefore ?? ""}`;
    const source = /Source: (\S+)/.exec(comments)?.[1] ?? `${input === "-" ? "stdin" : input}, document ${index + 1}`;
    const { apiVersion, kind } = object;
    const name = `${kind ?? "?"}/${object.metadata?.name ?? "?"} (${source})`;
    if (typeof apiVersion !== "string" || typeof kind !== "string") {
      console.log(`FAIL ${name}: no apiVersion and kind`);
      failed++;
      continue;
    }
    const model = await modelFor(apiVersion, kind);
    if (model === null) {
      console.log(`FAIL ${name}: unknown kind ${kind} in ${apiVersion}; no schema here covers it, so it cannot be checked`);
      failed++;
      continue;
    }
    try {
      new model(object).validate();
      console.log(`ok   ${name}`);
      valid++;
    } catch (error) {
      const errors = Array.isArray(error.errors) ? error.errors.map(describe) : [error.message];
      for (const message of errors) {
        console.log(`FAIL ${name}: ${message}`);
      }
      failed++;
    }
  }
}

if (valid + failed === 0) {
  console.error("No manifest in the input.");
  process.exit(2);
}
console.log(`${valid} valid, ${failed} invalid`);
process.exit(failed === 0 ? 0 : 1);
