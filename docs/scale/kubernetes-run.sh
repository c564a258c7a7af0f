#!/bin/sh
# Runs docs/scale/kubernetes.yml: the shard Job, then (once it has ended) the merge Job; exits with the merge's
# exit code, omniaudit's verdict (0 passed, 1 findings, 2 incomplete, 64 shards missing or mixed).
# Needs kubectl pointed at the cluster and the omniaudit-config ConfigMap. POSIX sh, bounded waits.
set -eu
here=$(dirname "$0")
day=${AS_OF:-$(TZ=${SHOP_TZ:-Europe/Rome} date +%F)}
manifest=$(sed "s/value: \"2026-11-29\"/value: \"$day\"/" "$here/kubernetes.yml")
part() {  # the documents of the manifest whose text matches (or, with -v, does not match) a pattern
    printf '%s\n' "$manifest" | awk -v want="$2" -v pattern="$1" 'BEGIN { RS = "---\n" }
        { hit = index($0, pattern) > 0 } (want == "yes" && hit) || (want == "no" && !hit) { printf "%s---\n", $0 }'
}
wait_job() {  # waits until the Job succeeded or failed, at most $2 seconds
    waited=0
    while [ "$waited" -lt "$2" ]; do
        ok=$(kubectl get job "$1" -o jsonpath='{.status.succeeded}')
        bad=$(kubectl get job "$1" -o jsonpath='{.status.conditions[?(@.type=="Failed")].status}')
        if [ "$bad" = "True" ] || { [ -n "$ok" ] && [ "$1" = omniaudit-merge ]; } || [ "${ok:-0}" = 4 ]; then return 0; fi
        sleep 10
        waited=$((waited + 10))
    done
    echo "$1 did not end within $2 s" >&2
}
kubectl delete job omniaudit-shards omniaudit-merge --ignore-not-found
part "name: omniaudit-merge" no | kubectl apply -f -
wait_job omniaudit-shards 21600   # a failed shard does not stop the merge: it names what is missing
part "name: omniaudit-merge" yes | kubectl apply -f -
wait_job omniaudit-merge 3600
kubectl logs job/omniaudit-merge
code=$(kubectl get pods --selector=job-name=omniaudit-merge -o jsonpath='{.items[0].status.containerStatuses[0].state.terminated.exitCode}')
exit "${code:-2}"
