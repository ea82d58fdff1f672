"""The fixed tuning/held-out splits of the TIMEX gold sets, so that a number in the README can be
rerun with ``chronicle eval times GOLD --split dev``.

Why listed and not computed: a split that is recomputed can move silently when a file is added or
a rule changes. TBAQ dev is the 50 files whose name's SHA-1 is 0 mod 5 (``bench/times_eval.py``
checks that the list still matches that rule); its errors are never read. MEANTIME's tune part is
the first 30 files by name, read for error analysis; the other 90 are held out. ``dev`` means the
held-out parts of both, ``train`` the parts rules were written from. Other TimeML files (not TBAQ
or MEANTIME) count as ``train``: no split is claimed for them.
"""
from __future__ import annotations

TBAQ_DEV = frozenset((
    'ABC19980108.1830.0711',
    'ABC19980304.1830.1636',
    'AP900815-0044',
    'APW19980308.0201',
    'APW19980818.0515',
    'APW19990216.0198',
    'APW19990312.0251',
    'APW19990410.0123',
    'APW19990607.0041',
    'APW19991008.0265',
    'APW20000216.0193',
    'NYT19981026.0446',
    'NYT20000329.0359',
    'PRI19980115.2000.0186',
    'PRI19980121.2000.2591',
    'PRI19980306.2000.1675',
    'VOA19980331.1700.1533',
    'VOA19980501.1800.0355',
    'XIE19980808.0049',
    'XIE19980809.0010',
    'ea980120.1830.0456',
    'wsj_0027',
    'wsj_0032',
    'wsj_0173',
    'wsj_0175',
    'wsj_0266',
    'wsj_0325',
    'wsj_0329',
    'wsj_0340',
    'wsj_0344',
    'wsj_0356',
    'wsj_0555',
    'wsj_0557',
    'wsj_0568',
    'wsj_0583',
    'wsj_0584',
    'wsj_0586',
    'wsj_0610',
    'wsj_0667',
    'wsj_0675',
    'wsj_0679',
    'wsj_0685',
    'wsj_0695',
    'wsj_0709',
    'wsj_0736',
    'wsj_0904',
    'wsj_0906',
    'wsj_0928',
    'wsj_1003',
    'wsj_1013',
))

MEANTIME_TUNE = frozenset((
    '1007169_Mary_Barra_appointed_as_General_Motors_chief',
    '100911_Northrop_Grumman_and_Airbus_parent_EADS_defeat_Boeing',
    '101354_Apple_releases_iPhone_SDK,_announces_upcoming_update',
    '102977_Airbus_parent_EADS_wins_13_billion_UK_RAF_airtanker_contract',
    '103623_Apples_iTunes_replaces',
    '10450_Apple_Computer_CEO',
    '106653_Boeing_pushes_back_737_replacement_development',
    '107785_Apple_launches_3G',
    '108294_Government_Accountability_Office_requests_rerun_of_US_Air_Force_tanker_bid',
    '112579_Dow_falls_340_points_amid_unemployment_and_retail_sales_rates_news',
    '113219_Stock_markets_worldwide_fall_dramatically',
    '113227_Russian_stock_markets_suspended_amid_market_turmoil',
    '113267_Russian_markets_to_remain_closed_until_Friday',
    '113278_Markets_rally_as_world_central_banks_infuse_cash',
    '113330_Shares_worldwide_surge_due_to_US_government_plan',
    '114565_Worldwide_markets_fall_precipitously',
    '114613_Stock_markets_worldwide_continue_to_fall',
    '114719_Markets_down_across_the_world',
    '114864_Global_markets_plunge',
    '114904_Dow_Jones_recovers_hundreds_of_points,_before_losing_them_in_minutes',
    '115064_Global_markets_surge_in_value',
    '115587_Global_stock_markets_plunge',
    '115711_Asian_stock_markets_slide',
    '116834_Japan_enters_recession',
    '11714_Ryanair_exercises_options_on_five_Boeing_737s',
    '11716_Airbus_wins_Qatar_Airways_order_worth_15bn',
    '1173_Internal_emails_expose_Boeing-Air_Force_contract_discussions',
    '118147_US_automaker_bailout_deal_fails_to_pass_Senate',
    '118175_White_House_considering_auto_rescue_plan',
    '120554_GM,_Chrysler_offer_buyouts_and_early_retirement_to_workers',
))

SPLITS = ("dev", "train")


def split_of(name: str, meantime: bool) -> str:
    """``dev`` or ``train`` for a gold document by its file stem."""
    if meantime:
        return "train" if name in MEANTIME_TUNE else "dev"
    return "dev" if name in TBAQ_DEV else "train"
