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
{{- $verify := has $db.sslMode (list "verify-ca" "verify-full") }}
{{- if and $verify (not $db.tls.caSecret) }}
{{- fail (printf "%s: database.sslMode %s needs database.tls.caSecret (the database server's CA)" .Chart.Name $db.sslMode) }}
{{- end }}
{{- $query := "" }}
{{- if $db.sslMode }}
{{- $query = printf "?sslmode=%s" $db.sslMode }}
{{- if $db.tls.caSecret }}
{{- $query = printf "%s&sslrootcert=/etc/chat-suite/db-ca/%s" $query $db.tls.caKey }}
{{- end }}
{{- end }}
- name: DB_JDBC_URL
  value: {{ printf "jdbc:postgresql://%s:%v/%s%s" $host $db.port $db.name $query | quote }}
- name: DB_REACTIVE_URL
  value: {{ printf "postgresql://%s:%v/%s%s" $host $db.port $db.name $query | quote }}
{{- if and $db.sslMode (ne $db.sslMode "disable") }}
{{- /* The reactive client takes its TLS trust from Quarkus settings, not from the URL. */}}
{{- if $db.tls.caSecret }}
- name: QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM
  value: "true"
- name: QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS
  value: {{ printf "/etc/chat-suite/db-ca/%s" $db.tls.caKey | quote }}
{{- else }}
{{- /* libpq's require, allow and prefer encrypt without verifying the server. */}}
- name: QUARKUS_DATASOURCE_REACTIVE_TRUST_ALL
  value: "true"
{{- end }}
{{- if eq $db.sslMode "verify-full" }}
- name: QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM
  value: HTTPS
{{- end }}
{{- end }}
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
