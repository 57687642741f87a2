"""Credit and qualification (信用): the 安全生产黑名单 (临政办字〔2016〕11号) and 政府采购禁入
(冠政发〔2016〕78号) with their notices, terms and public lists, the deposit ledger, and the
clean-coal depots' right to operate (冠政发〔2016〕109号)."""
