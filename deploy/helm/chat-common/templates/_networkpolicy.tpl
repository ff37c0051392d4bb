{{/*
Only the ingress controller (and the metrics scraper) reach the HTTP port; the pods reach DNS, Kafka, PostgreSQL
and the OIDC server, nothing else. An empty "to" list allows any destination on those ports (external services).
*/}}
{{- define "chat-common.networkpolicy" -}}
{{- $np := .Values.global.networkPolicy -}}
{{- if $np.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "chat-common.fullname" . }}
  labels:
    {{- include "chat-common.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "chat-common.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    - from:
        {{- toYaml $np.ingressFrom | nindent 8 }}
        {{- with $np.metricsFrom }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      ports:
        - port: http
          protocol: TCP
  egress:
    {{- range $name := list "dns" "kafka" "postgresql" "oidc" }}
    {{- $rule := index $np.egress $name }}
    - ports:
        {{- range $rule.ports }}
        - port: {{ . }}
          protocol: TCP
        {{- if eq $name "dns" }}
        - port: {{ . }}
          protocol: UDP
        {{- end }}
        {{- end }}
      {{- with $rule.to }}
      to:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    {{- end }}
    {{- with $np.extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end }}
{{- end -}}
