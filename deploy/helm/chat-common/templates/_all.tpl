{{/* Everything a service chart renders: its templates/service.yaml is this one include. */}}
{{- define "chat-common.all" -}}
{{- $docs := list
      (include "chat-common.serviceaccount" .)
      (include "chat-common.configmap" .)
      (include "chat-common.deployment" .)
      (include "chat-common.service" .)
      (include "chat-common.pdb" .)
      (include "chat-common.hpa" .)
      (include "chat-common.networkpolicy" .)
      (include "chat-common.servicemonitor" .)
      (include "chat-common.cloudnativepg" .) -}}
{{- range $docs }}
{{- if trim . }}
---
{{ trim . }}
{{- end }}
{{- end }}
{{- end -}}
