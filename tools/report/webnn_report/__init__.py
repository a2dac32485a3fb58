"""webnn-report: comparisons of wptreport files (side by side, against a baseline, error
histograms, terminal form) and the merge of --chunk reports. See tools/report/README.md."""
