# Sourced by the benchmarks that serve generated pages: starts Debian's nginx on 127.0.0.1:$PORT over $WORK/site,
# unprivileged, all its files under $WORK/nginx, and waits until $1 answers. Sets NGINX_PID (the caller's EXIT trap
# stops it). $2: extra nginx directives inside `http` (e.g. `sendfile on; etag on;`); $3: extra `location` blocks.
start_nginx() {
  local probe=$1 http_extra=${2:-} locations=${3:-}
  mkdir -p "$WORK/nginx"
  cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  types { text/html html; application/xml xml; }
  keepalive_requests 1000000; $http_extra
  server {
    listen 127.0.0.1:$PORT;
    root $WORK/site;
    $locations
  }
}
CONF
  nginx -c "$WORK/nginx/nginx.conf" -g 'daemon off;' & NGINX_PID=$!
  for _ in $(seq 50); do python3 -c "import urllib.request as u; u.urlopen('$probe', timeout=1)" 2>/dev/null && break; sleep 0.1; done
}
