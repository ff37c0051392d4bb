// Validates every manifest in the given multi-document YAML files against the JSON schema of its kind:
// Kubernetes built-in kinds (kubernetes-models), Prometheus Operator and Gateway API CRDs. CRDs without a published
// schema package (Strimzi, CloudNativePG) get a structural check. Exits 1 on the first file with an invalid manifest.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const CRD_MODULES = {
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator/monitoring.coreos.com",
  "gateway.networking.k8s.io": "@kubernetes-models/gateway-api/gateway.networking.k8s.io",
};
const STRUCTURAL_ONLY = new Set(["kafka.strimzi.io", "postgresql.cnpg.io"]);

async function modelOf(apiVersion, kind) {
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  if (STRUCTURAL_ONLY.has(group)) return null;
  const path = group in CRD_MODULES
    ? `${CRD_MODULES[group]}/${apiVersion.slice(slash + 1)}`
    : `kubernetes-models/${apiVersion}`;
  const mod = await import(path);
  if (!mod[kind]) throw new Error(`no schema for ${apiVersion} ${kind}`);
  return mod[kind];
}

let failed = false;
for (const file of process.argv.slice(2)) {
  const counts = { schema: 0, structural: 0 };
  const errors = [];
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    const obj = doc.toJS();
    if (!obj) continue;
    const where = `${obj.kind}/${obj.metadata?.name}`;
    try {
      if (!obj.apiVersion || !obj.kind || !obj.metadata?.name) throw new Error("apiVersion, kind and metadata.name are required");
      const Model = await modelOf(obj.apiVersion, obj.kind);
      if (Model) {
        new Model(obj).validate();
        counts.schema++;
      } else {
        if (typeof obj.spec !== "object" || obj.spec === null) throw new Error("spec must be an object");
        counts.structural++;
      }
    } catch (e) {
      errors.push(`${where}: ${e.message}`);
    }
  }
  if (errors.length) {
    failed = true;
    console.log(`${file}: ${errors.length} invalid manifest(s)`);
    errors.forEach((e) => console.log(`  ${e}`));
  } else {
    console.log(`${file}: ${counts.schema} manifests valid against their schemas, ${counts.structural} structurally checked (no schema published)`);
  }
}
process.exit(failed ? 1 : 0);
