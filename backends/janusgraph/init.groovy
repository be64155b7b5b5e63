// Binds the traversal source `g` that bytecode requests (DriverRemoteConnection)
// and scripts refer to; `graph` is bound by janusgraph-server.yaml.
def globals = [:]
globals << [g : graph.traversal()]
