{{/*
The edge's route table, exactly as the local edge has it (deploy/local EdgeRoutes.TABLE; a test compares the two):
path prefix -> service. Prefix matching, longest prefix wins; everything else (widget, console, demo page, the
customer and agent sockets /ws/customer and /ws/agent) is chat-gateway's.
*/}}
{{- define "chat-suite.routes" -}}
- path: /api/campaigns
  service: campaign-service
- path: /api/agent-profiles
  service: campaign-service
- path: /api/routing
  service: routing-service
- path: /api/recordings
  service: offline-message-service
- path: /api/calls
  service: signaling-service
- path: /ws/call
  service: signaling-service
- path: /
  service: chat-gateway
{{- end -}}

{{- define "chat-suite.servicePort" -}}
{{- index .root.Values .service "containerPort" -}}
{{- end -}}

{{- define "chat-suite.labels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: chat-suite
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}
