{{/*
The environment every service reads (names from the services' application.properties): Kafka, OIDC, its own
database, then the chart's secret references and extra variables. Non-secret settings (.Values.config) come
from the service's ConfigMap instead, so that a change rolls the pods through the checksum annotation.
*/}}
{{- define "chat-common.env" -}}
{{- $kafka := .Values.global.kafka -}}
{{- $oidc := .Values.global.oidc -}}
{{- $db := .Values.database -}}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ required "global.kafka.bootstrapServers is required" $kafka.bootstrapServers | quote }}
{{- if ne $kafka.securityProtocol "PLAINTEXT" }}
- name: KAFKA_SECURITY_PROTOCOL
  value: {{ $kafka.securityProtocol | quote }}
{{- end }}
{{- if hasPrefix "SASL_" $kafka.securityProtocol }}
- name: KAFKA_SASL_MECHANISM
  value: {{ $kafka.sasl.mechanism | quote }}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ required "global.kafka.sasl.existingSecret is required with a SASL security protocol" $kafka.sasl.existingSecret }}
      key: {{ $kafka.sasl.jaasConfigKey }}
{{- end }}
{{- if and (hasSuffix "SSL" $kafka.securityProtocol) $kafka.tls.caSecret }}
- name: KAFKA_SSL_TRUSTSTORE_TYPE
  value: PEM
- name: KAFKA_SSL_TRUSTSTORE_LOCATION
  value: {{ printf "/etc/chat-suite/kafka-ca/%s" $kafka.tls.caKey | quote }}
{{- end }}
- name: OIDC_URL
  value: {{ required "global.oidc.issuerUrl is required" $oidc.issuerUrl | quote }}
- name: QUARKUS_OIDC_CLIENT_ID
  value: {{ $oidc.serviceClientId | quote }}
{{- if $oidc.clientSecret.existingSecret }}
- name: QUARKUS_OIDC_CREDENTIALS_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $oidc.clientSecret.existingSecret }}
      key: {{ $oidc.clientSecret.key }}
{{- end }}
{{- $host := include "chat-common.dbHost" . }}
{{- $query := ternary "" (printf "?sslmode=%s" $db.sslMode) (empty $db.sslMode) }}
- name: DB_JDBC_URL
  value: {{ printf "jdbc:postgresql://%s:%v/%s%s" $host $db.port $db.name $query | quote }}
- name: DB_REACTIVE_URL
  value: {{ printf "postgresql://%s:%v/%s%s" $host $db.port $db.name $query | quote }}
- name: DB_USER
  value: {{ $db.user | quote }}
- name: DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "chat-common.dbSecret" . }}
      key: {{ $db.passwordKey }}
{{- range $name, $ref := .Values.secretEnv }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "the Secret of %s is required" $name) (tpl $ref.secretName $) }}
      key: {{ tpl $ref.key $ }}
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}
