"""Protocol buffer classes of the Caffe model format (v5 module path)."""
