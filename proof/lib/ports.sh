# free_port, for proof/lib.sh and proof/lib/faults.sh (sourced).

# A port nothing listens on, below the kernel's ephemeral range: a port picked now and bound only later (a server
# started after the apps) must not be taken meanwhile by one of the many outgoing connections those apps open.
free_port() {
  local port low
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range)
  while :; do
    port=$((10000 + RANDOM % (low - 10000)))
    ss -Hltn "sport = :$port" | grep -q . || { echo "$port"; return; }
  done
}
