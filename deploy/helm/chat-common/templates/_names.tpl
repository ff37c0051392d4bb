{{/* Names and labels shared by every service chart of the suite. */}}

{{/* The release-qualified name of a service: <release>-<chart>, unless fullnameOverride is set. */}}
{{- define "chat-common.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- include "chat-common.serviceName" (dict "release" .Release.Name "service" .Chart.Name) -}}
{{- end -}}
{{- end -}}

{{/* The name of a sibling service in the same release; the umbrella chart's ingress uses it for its backends. */}}
{{- define "chat-common.serviceName" -}}
{{- printf "%s-%s" .release .service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "chat-common.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "chat-common.labels" -}}
{{ include "chat-common.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: chat-suite
app.kubernetes.io/component: service
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* registry/group/name:tag; the tag defaults to the chart's appVersion (the project version). */}}
{{- define "chat-common.image" -}}
{{- $g := .Values.global.image -}}
{{- $registry := .Values.image.registry | default $g.registry -}}
{{- $group := .Values.image.group | default $g.group -}}
{{- $tag := .Values.image.tag | default $g.tag | default .Chart.AppVersion -}}
{{- $path := list $registry $group .Values.image.name | compact | join "/" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" $path .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $path $tag -}}
{{- end -}}
{{- end -}}

{{/* The database host and password secret: CloudNativePG's own names when the chart creates the cluster. */}}
{{- define "chat-common.dbHost" -}}
{{- if .Values.database.cloudnativepg.enabled -}}
{{- printf "%s-db-rw" (include "chat-common.fullname" .) -}}
{{- else -}}
{{- required (printf "%s: database.host is required (or database.cloudnativepg.enabled)" .Chart.Name) .Values.database.host -}}
{{- end -}}
{{- end -}}

{{- define "chat-common.dbSecret" -}}
{{- if .Values.database.cloudnativepg.enabled -}}
{{- printf "%s-db-app" (include "chat-common.fullname" .) -}}
{{- else -}}
{{- required (printf "%s: database.existingSecret is required (a Secret holding the database password)" .Chart.Name) .Values.database.existingSecret -}}
{{- end -}}
{{- end -}}
