"""双随机、一公开: the 随机抽查事项清单, the target and inspector pools (名录库), plans whose draw
anyone can check (a committed seed, SHA-256 as the only random source), coverage of the
frequency rules, and the public results."""
