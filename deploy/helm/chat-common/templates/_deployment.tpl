{{/* The service's Deployment: hardened pod, Quarkus health probes, drain before shutdown. */}}
{{- define "chat-common.deployment" -}}
{{- $kafka := .Values.global.kafka -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "chat-common.fullname" . }}
  labels:
    {{- include "chat-common.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      {{- include "chat-common.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "chat-common.labels" . | nindent 8 }}
        {{- with .Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        checksum/config: {{ include "chat-common.configmap" . | sha256sum }}
        {{- with .Values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "chat-common.fullname" . }}
      automountServiceAccountToken: false
      {{- with (.Values.image.pullSecrets | default .Values.global.image.pullSecrets) }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      # Readiness turns DOWN at once, the preStop pause lets endpoints and the ingress stop sending, then Quarkus
      # drains for quarkus.shutdown.timeout: the grace period covers both with a margin.
      terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
      securityContext:
        {{- toYaml .Values.podSecurityContext | nindent 8 }}
      {{- with .Values.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      {{- if .Values.topologySpread.enabled }}
      topologySpreadConstraints:
        {{- range .Values.topologySpread.topologyKeys }}
        - maxSkew: {{ $.Values.topologySpread.maxSkew }}
          topologyKey: {{ . }}
          whenUnsatisfiable: {{ $.Values.topologySpread.whenUnsatisfiable }}
          labelSelector:
            matchLabels:
              {{- include "chat-common.selectorLabels" $ | nindent 14 }}
        {{- end }}
      {{- end }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .Chart.Name }}
          image: {{ include "chat-common.image" . | quote }}
          imagePullPolicy: {{ .Values.image.pullPolicy | default .Values.global.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ .Values.containerPort }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "chat-common.fullname" . }}
          env:
            {{- include "chat-common.env" . | nindent 12 }}
          startupProbe:
            httpGet:
              path: /q/health/started
              port: http
            periodSeconds: 5
            failureThreshold: {{ .Values.probes.startupFailureThreshold }}
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: http
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: http
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 2
          lifecycle:
            preStop:
              exec:
                command: ["sleep", "{{ .Values.preStopSeconds }}"]
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          securityContext:
            {{- toYaml .Values.containerSecurityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- if and (hasSuffix "SSL" $kafka.securityProtocol) $kafka.tls.caSecret }}
            - name: kafka-ca
              mountPath: /etc/chat-suite/kafka-ca
              readOnly: true
            {{- end }}
            {{- if and .Values.database.sslMode .Values.database.tls.caSecret }}
            - name: db-ca
              mountPath: /etc/chat-suite/db-ca
              readOnly: true
            {{- end }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ .Values.tmpSizeLimit }}
        {{- if and (hasSuffix "SSL" $kafka.securityProtocol) $kafka.tls.caSecret }}
        - name: kafka-ca
          secret:
            secretName: {{ $kafka.tls.caSecret }}
        {{- end }}
        {{- if and .Values.database.sslMode .Values.database.tls.caSecret }}
        - name: db-ca
          secret:
            secretName: {{ .Values.database.tls.caSecret }}
        {{- end }}
{{- end -}}
