print("mvm-bench")
