"""Vocabularies written by the project for synthetic catalogues (demo, benchmarks, tests).

Nothing here is copied from third-party data: makers and models are public product names,
the sentences are ours.
"""

from __future__ import annotations

ASIC = [
    ("Antminer", ["S19j Pro", "S19 XP", "S21", "L7", "E9 Pro", "KS5", "T21", "S19k Pro"], "TH/s"),
    ("Whatsminer", ["M30S++", "M50S", "M60", "M63S", "M56S"], "TH/s"),
    ("Avalon", ["1246", "1366", "A1466", "Nano 3"], "TH/s"),
    ("Goldshell", ["KD6", "LT6", "CK6", "Mini DOGE Pro"], "GH/s"),
    ("IceRiver", ["KS3", "KS5L", "AL3"], "TH/s"),
    ("Jasminer", ["X16-Q", "X4"], "MH/s"),
    ("Innosilicon", ["A11 Pro", "T3+"], "GH/s"),
]
ASIC_ZH = ["蚂蚁矿机", "神马矿机", "阿瓦隆矿机", "比特币矿机", "二手矿机", "大饼机"]
ACCESSORIES_EN = [
    "APW12 power supply for Antminer S19",
    "hash board for Antminer L7",
    "6 GPU open-air mining frame",
    "Whatsminer M30S control board",
    "replacement fan for Antminer S19 (2 pcs)",
    "PCIe riser 009S for mining rig, 6 pack",
    "immersion cooling kit for miners",
]
ACCESSORIES_ZH = [
    "矿机电源 APW7",
    "蚂蚁S19算力板",
    "显卡矿架 8卡",
    "矿机控制板 神马",
    "矿机风扇 12038",
]
SOFTWARE_EN = [
    "T-Rex miner setup service",
    "HiveOS licence 1 year",
    "cloud mining contract 100TH/s 1 year",
    "PhoenixMiner remote installation",
    "Braiins OS+ firmware flashing for S19",
]
SOFTWARE_ZH = ["云算力 合约 一年", "挖矿软件 远程安装", "矿机固件 刷机服务"]
TUTORIALS_EN = [
    "Bitcoin Investing: The Complete Buy and Hold Strategy",
    "How to mine Ethereum: a step by step course",
    "Crypto Trading Masterclass: profit from altcoins",
    "Day trading Bitcoin for beginners: 7 strategies",
]
TUTORIALS_ZH = [
    "挖矿教程 新手入门",
    "炒币技巧 从入门到精通",
    "比特币投资策略 课程",
    "数字货币交易教程 视频",
]
CURRENCY_EN = [
    "0.01 BTC delivered to your wallet",
    "Sell USDT, instant delivery",
    "Bitcoin gift card 50 USD",
]
CURRENCY_ZH = ["出售USDT 秒到账", "比特币出售 0.05个", "usdt承兑 量大优惠"]

TRAPS_EN = [
    ("Gold mining pan 15 inch with classifier", "Sports & Outdoors > Prospecting"),
    ("LED mining helmet lamp, rechargeable", "Tools & Hardware > Safety"),
    ("Data Mining: Concepts and Techniques (book)", "Books > Computer Science"),
    ("Minecraft diamond pickaxe foam toy", "Toys & Games > Action Figures"),
    ("Commemorative Bitcoin coin, gold plated souvenir", "Collectibles > Coins"),
    ("Ledger Nano X hardware wallet for bitcoin", "Electronics > Accessories"),
    ("NVIDIA GeForce RTX 3070 graphics card 8GB gaming", "Computers > Graphics Cards"),
    ("Corsair RM850x ATX power supply 80 Plus Gold", "Computers > Power Supplies"),
    ("Arctic P12 case fan 120mm, 5 pack", "Computers > Cooling"),
    ("19 inch server rack 42U", "Computers > Servers"),
    ("Mastering Blockchain development: build a dapp with Solidity", "Books > Programming"),
    ("PlayStation Store gift card 50 USD", "Gift Cards > Gaming"),
    ("ASICS Gel-Kayano running shoes", "Clothing > Shoes"),
]
TRAPS_ZH = [
    ("矿泉水 550ml*24瓶 整箱", "食品饮料 > 饮用水"),
    ("矿灯 头戴式 强光充电", "五金工具 > 照明"),
    ("挖掘机 模型 合金 儿童玩具", "玩具 > 模型"),
    ("我的世界 钻石剑 玩具", "玩具 > 游戏周边"),
    ("比特币纪念币 镀金 收藏", "收藏 > 钱币"),
    ("Q币 100个 自动充值", "虚拟商品 > 游戏点卡"),
    ("数据挖掘导论 教材", "图书 > 计算机"),
    ("天然矿石 水晶 原石 摆件", "家居 > 摆件"),
    ("游戏币 梦幻西游 金币", "虚拟商品 > 游戏币"),
    ("台式机电源 650W 金牌 全模组", "电脑 > 电源"),
]

# Listings that do not say enough to decide (the rubric's borderline): they should go to review.
BORDERLINE = [
    ("6 GPU bundle RX 580 8GB high hashrate", "Computers > Graphics Cards"),
    ("Bitcoin For Beginners", "Books > Business"),
    ("8卡显卡支架 铝合金", "电脑 > 配件"),
    ("RTX 3060 Ti 60MH/s unlocked", "Computers > Graphics Cards"),
]

GENERAL_EN = [
    ("Stainless steel water bottle {n} oz, vacuum insulated", "Home & Kitchen > Drinkware"),
    ("Wireless Bluetooth earbuds with charging case, {n}h playtime", "Electronics > Audio"),
    ("Men's cotton crew neck t-shirt, pack of {n}", "Clothing > Men > T-Shirts"),
    ("Non-stick frying pan {n} cm with lid", "Home & Kitchen > Cookware"),
    ("USB-C charging cable {n} ft braided", "Electronics > Cables"),
    ("Yoga mat {n} mm thick, non-slip", "Sports & Outdoors > Fitness"),
    ("LED desk lamp with {n} brightness levels", "Home > Lighting"),
    ("Children's picture book collection, {n} books", "Books > Children"),
    ("Mechanical gaming keyboard, {n} keys, RGB", "Computers > Keyboards"),
    ("Ceramic coffee mug set of {n}", "Home & Kitchen > Drinkware"),
    ("Portable power bank {n}000 mAh", "Electronics > Batteries"),
    ("Garden hose {n} ft expandable", "Garden > Watering"),
]
GENERAL_ZH = [
    ("不锈钢保温杯 {n}ml 男女学生", "家居 > 水杯"),
    ("蓝牙耳机 无线 运动 续航{n}小时", "数码 > 耳机"),
    ("纯棉T恤 男 短袖 {n}件装", "服装 > 男装"),
    ("不粘锅 炒锅 {n}cm 家用", "厨具 > 锅具"),
    ("数据线 type-c 快充 {n}米", "数码 > 配件"),
    ("瑜伽垫 加厚 {n}mm 防滑", "运动 > 健身"),
    ("护眼台灯 LED {n}档调光", "家居 > 灯具"),
    ("儿童绘本 {n}册 睡前故事", "图书 > 童书"),
    ("机械键盘 {n}键 青轴 游戏", "电脑 > 键盘"),
    ("陶瓷马克杯 {n}只装", "家居 > 水杯"),
    ("充电宝 {n}0000毫安 大容量", "数码 > 电源"),
    ("花园水管 {n}米 伸缩", "园艺 > 浇灌"),
]
DESCRIPTIONS_EN = [
    "Ships within 2 business days. 30-day returns.",
    "Brand new, sealed in original packaging.",
    "High quality materials, tested before shipping.",
    "Contact us for wholesale prices.",
]
DESCRIPTIONS_ZH = [
    "全国包邮，七天无理由退换。",
    "正品保证，假一赔十。",
    "现货速发，欢迎咨询。",
    "厂家直销，量大从优。",
]
HOSTILE_CATEGORIES = [
    "Home Appliances > Heaters",
    "Home Appliances > Fans",
    "Computers > Servers",
    "家用电器 > 取暖器",
    "电脑 > 服务器",
]
