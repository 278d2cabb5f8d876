# Django leaves Chinese numbers ungrouped ("1234567", grouping 4 with no separator). Mainland usage, and the
# CLDR data browsers use for zh-Hans, groups by thousands with a comma: "1,234,567".
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
