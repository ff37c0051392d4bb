{{/* The small resources around each Deployment. */}}

{{- define "chat-common.serviceaccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "chat-common.fullname" . }}
  labels:
    {{- include "chat-common.labels" . | nindent 4 }}
automountServiceAccountToken: false
{{- end -}}

{{- define "chat-common.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "chat-common.fullname" . }}
  labels:
    {{- include "chat-common.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "chat-common.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .Values.containerPort }}
      targetPort: http
      protocol: TCP
{{- end -}}

{{/* Non-secret settings as environment variables; values may use templates (e.g. {{ .Values.global.publicUrl }}). */}}
{{- define "chat-common.configmap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "chat-common.fullname" . }}
  labels:
    {{- include "chat-common.labels" . | nindent 4 }}
data:
  {{- range $name, $value := .Values.config }}
  {{ $name }}: {{ tpl (toString $value) $ | quote }}
  {{- end }}
{{- end -}}

{{- define "chat-common.pdb" -}}
{{- if .Values.podDisruptionBudget.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "chat-common.fullname" . }}
  labels:
    {{- include "chat-common.labels" . | nindent 4 }}
spec:
  maxUnavailable: {{ .Values.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "chat-common.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end -}}

{{- define "chat-common.hpa" -}}
{{- if .Values.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "chat-common.fullname" . }}
  labels:
    {{- include "chat-common.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "chat-common.fullname" . }}
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .Values.autoscaling.targetCPUUtilizationPercentage }}
  behavior:
    scaleDown:
      # Scaling in closes WebSocket sessions (clients resume elsewhere): do it slowly.
      stabilizationWindowSeconds: {{ .Values.autoscaling.scaleDownStabilizationSeconds }}
      policies:
        - type: Pods
          value: 1
          periodSeconds: 60
{{- end }}
{{- end -}}

{{/* Scraped by the Prometheus Operator, only where its CRDs are installed. */}}
{{- define "chat-common.servicemonitor" -}}
{{- if and .Values.global.serviceMonitor.enabled (.Capabilities.APIVersions.Has "monitoring.coreos.com/v1") }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "chat-common.fullname" . }}
  labels:
    {{- include "chat-common.labels" . | nindent 4 }}
    {{- with .Values.global.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "chat-common.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: http
      path: /q/metrics
      interval: {{ .Values.global.serviceMonitor.interval }}
{{- end }}
{{- end -}}
