{{/*
The service's own PostgreSQL as a CloudNativePG Cluster (optional): the operator creates the database, its owner
and the Secret <cluster>-app (keys username, password) that the Deployment reads.
*/}}
{{- define "chat-common.cloudnativepg" -}}
{{- $cnpg := .Values.database.cloudnativepg -}}
{{- if $cnpg.enabled }}
apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata:
  name: {{ include "chat-common.fullname" . }}-db
  labels:
    {{- include "chat-common.labels" . | nindent 4 }}
spec:
  instances: {{ $cnpg.instances }}
  {{- with $cnpg.imageName }}
  imageName: {{ . }}
  {{- end }}
  storage:
    size: {{ $cnpg.storageSize }}
    {{- with $cnpg.storageClass }}
    storageClass: {{ . }}
    {{- end }}
  bootstrap:
    initdb:
      database: {{ .Values.database.name }}
      owner: {{ .Values.database.user }}
  {{- with $cnpg.backup }}
  backup:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
{{- end -}}
