{{/* vim: set filetype=mustache: */}}
{{/*
Expand the name of the chart.
*/}}
{{- define "watcher.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Create a default fully qualified app name.
We truncate at 63 chars because some Kubernetes name fields are limited to this (by the DNS naming spec).
If release name contains chart name it will be used as a full name.
*/}}
{{- define "watcher.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Create chart name and version as used by the chart label.
*/}}
{{- define "watcher.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The namespace of the release, or namespaceOverride.
*/}}
{{- define "watcher.namespace" -}}
{{- default .Release.Namespace .Values.namespaceOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels.
*/}}
{{- define "watcher.labels" -}}
helm.sh/chart: {{ include "watcher.chart" . }}
{{ include "watcher.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: metrics
app.kubernetes.io/part-of: {{ include "watcher.name" . }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Selector labels.
*/}}
{{- define "watcher.selectorLabels" -}}
app.kubernetes.io/name: {{ include "watcher.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The name of the service account to use.
*/}}
{{- define "watcher.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "watcher.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
An image reference: registry/repository, then @digest or :tag. global.imageRegistry, when set, replaces the
image's own registry (as in the prometheus-community charts), so one value points every image at a mirror.
Takes (dict "image" <image values> "global" .Values.global "defaultTag" <tag>).
*/}}
{{- define "watcher.imageReference" -}}
{{- $registry := .image.registry -}}
{{- if and .global .global.imageRegistry -}}
{{- $registry = .global.imageRegistry -}}
{{- end -}}
{{- $repository := .image.repository -}}
{{- if $registry -}}
{{- $repository = printf "%s/%s" $registry .image.repository -}}
{{- end -}}
{{- if .image.digest -}}
{{- printf "%s@%s" $repository .image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (default .defaultTag .image.tag | toString) -}}
{{- end -}}
{{- end }}

{{/*
Watcher's image; the tag defaults to the appVersion. No image is published for the chart to default to, so the
repository must be set: required here rather than in the schema, which cannot say what to do about it.
*/}}
{{- define "watcher.image" -}}
{{- $_ := required "image.repository is required: build and push Watcher's image (README.md, \"Build and push the image\") and set image.repository to it, e.g. --set image.repository=ghcr.io/<owner>/watcher" .Values.image.repository -}}
{{- include "watcher.imageReference" (dict "image" .Values.image "global" .Values.global "defaultTag" .Chart.AppVersion) -}}
{{- end }}

{{/*
Labels of the helm test pod. They leave out app.kubernetes.io/name, so the Service never selects the test pod,
and they are what the NetworkPolicy admits besides the scrapers.
*/}}
{{- define "watcher.testSelectorLabels" -}}
app.kubernetes.io/name: {{ printf "%s-test" (include "watcher.name" .) | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
An IntOrString value: a number as a number, a percentage quoted.
*/}}
{{- define "watcher.intOrString" -}}
{{- if kindIs "string" . }}{{ quote . }}{{ else }}{{ int64 . }}{{ end -}}
{{- end }}

{{/*
The `job` label Prometheus gives Watcher's series: prometheusRule.jobLabel, else the Service name.
*/}}
{{- define "watcher.jobLabel" -}}
{{- default (include "watcher.fullname" .) .Values.prometheusRule.jobLabel }}
{{- end }}

{{/*
The "Watcher" section of appsettings.json, as JSON with the app's PascalCase keys. Empty strings,
empty lists and nulls are left out so that the app's defaults apply.
*/}}
{{- define "watcher.settings" -}}
{{- $w := .Values.watcher -}}
{{- $aws := dict -}}
{{- $awsKeys := list
  (list "region" "Region") (list "serviceUrl" "ServiceUrl") (list "stsServiceUrl" "StsServiceUrl")
  (list "useFipsEndpoint" "UseFipsEndpoint") (list "useDualstackEndpoint" "UseDualstackEndpoint")
  (list "retryMode" "RetryMode") (list "maxAttempts" "MaxAttempts") (list "requestTimeout" "RequestTimeout")
  (list "maxRequestsPerSecond" "MaxRequestsPerSecond") -}}
{{- range $awsKeys -}}
{{- $value := get ($w.aws | default dict) (index . 0) -}}
{{- if not (or (kindIs "invalid" $value) (and (kindIs "string" $value) (eq $value ""))) -}}
{{- $_ := set $aws (index . 1) $value -}}
{{- end -}}
{{- end -}}
{{- $settings := dict -}}
{{- if $aws -}}
{{- $_ := set $settings "Aws" $aws -}}
{{- end -}}
{{- $jobs := list -}}
{{- range $w.jobs -}}
{{- $jobs = append $jobs (dict "OrganizationId" .organizationId "JobId" (toString .jobId)) -}}
{{- end -}}
{{- if $jobs -}}
{{- $_ := set $settings "Jobs" $jobs -}}
{{- end -}}
{{- $organizations := list -}}
{{- range $w.organizations -}}
{{- $organization := dict "OrganizationId" .organizationId -}}
{{- $orgKeys := list (list "region" "Region") (list "roleArn" "RoleArn") (list "externalId" "ExternalId") (list "alias" "Alias") -}}
{{- $source := . -}}
{{- range $orgKeys -}}
{{- $value := get $source (index . 0) -}}
{{- if not (or (kindIs "invalid" $value) (eq (toString $value) "")) -}}
{{- $_ := set $organization (index . 1) (toString $value) -}}
{{- end -}}
{{- end -}}
{{- $organizations = append $organizations $organization -}}
{{- end -}}
{{- if $organizations -}}
{{- $_ := set $settings "Organizations" $organizations -}}
{{- end -}}
{{- $topKeys := list
  (list "pollInterval" "PollInterval") (list "maxConcurrentCalls" "MaxConcurrentCalls")
  (list "terminalJobRetention" "TerminalJobRetention") (list "maxWatchedJobs" "MaxWatchedJobs")
  (list "maxBackoff" "MaxBackoff") (list "shutdownTimeout" "ShutdownTimeout") -}}
{{- range $topKeys -}}
{{- $value := get $w (index . 0) -}}
{{- if not (or (kindIs "invalid" $value) (and (kindIs "string" $value) (eq $value ""))) -}}
{{- $_ := set $settings (index . 1) $value -}}
{{- end -}}
{{- end -}}
{{- if and $w.metrics (not (kindIs "invalid" $w.metrics.includeArns)) -}}
{{- $_ := set $settings "Metrics" (dict "IncludeArns" $w.metrics.includeArns) -}}
{{- end -}}
{{- $coverageValues := $w.coverage | default dict -}}
{{- $coverage := dict "Enabled" (ne $coverageValues.enabled false) -}}
{{- if $coverage.Enabled -}}
{{- $_ := set $coverage "StorePath" (include "watcher.coverageStorePath" .) -}}
{{- end -}}
{{- with $coverageValues.interval -}}
{{- $_ := set $coverage "Interval" . -}}
{{- end -}}
{{- with $coverageValues.maxAge -}}
{{- $_ := set $coverage "MaxAge" . -}}
{{- end -}}
{{- $_ := set $settings "Coverage" $coverage -}}
{{- toJson $settings -}}
{{- end }}

{{/*
The coverage volume's mount path, and the store file on it (Watcher:Coverage:StorePath).
*/}}
{{- define "watcher.coverageMountPath" -}}
/var/lib/watcher
{{- end }}

{{- define "watcher.coverageStorePath" -}}
{{- include "watcher.coverageMountPath" . }}/coverage.db
{{- end }}

{{/*
The name of the coverage PersistentVolumeClaim: the existing one, or the one the chart creates.
*/}}
{{- define "watcher.coverageClaimName" -}}
{{- default (printf "%s-coverage" (include "watcher.fullname" .)) .Values.coverage.persistence.existingClaim }}
{{- end }}

{{/*
The whole appsettings.json: Logging and Watcher sections, pretty-printed JSON.
*/}}
{{- define "watcher.appsettings" -}}
{{- $logLevel := dict "Default" .Values.logLevel -}}
{{- $logLevel = merge (deepCopy (.Values.logLevelOverrides | default dict)) $logLevel -}}
{{- $logging := dict "LogLevel" $logLevel -}}
{{- if .Values.logFormat -}}
{{- $_ := set $logging "Console" (dict "FormatterName" .Values.logFormat) -}}
{{- end -}}
{{- $settings := dict "Logging" $logging "Watcher" (include "watcher.settings" . | fromJson) -}}
{{- toPrettyJson $settings -}}
{{- end }}
