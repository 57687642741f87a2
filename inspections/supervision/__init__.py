"""Supervision of major hazards (挂牌督办 → 销号, 临政办字〔2016〕10号): listing, the numbered
notice with its receipt, the enterprise's plan and closure report, the township's
confirmation, the experts' verification, 销号, and 通报批评 when a deadline is missed."""
