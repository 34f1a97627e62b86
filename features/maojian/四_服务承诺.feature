# language: zh-CN
功能: 四、服务承诺制度
  本文件收录《知识产权服务机构工作机制》第四部分的条款。

  @s4.1
  规则: 公开承诺并接受社会监督
    原文: 服务承诺是指根据区局的公共服务行为规范和工作职能要求，将对外服务的有关事项向社会作出公开承诺，自觉接受社会公众的监督。
    译文: Service commitment means making a public commitment to society on matters relating to external services, in accordance with the District Bureau's code of conduct for public services and the requirements of its functions, and voluntarily accepting supervision by the public.

  @s4.2-list
  规则: 确定知名企业品牌保护名单
    原文: 确定知名企业知名品牌保护名单
    译文: Determine a protection list of well-known enterprises and well-known brands

  @s4.2-pairing
  规则: 党组成员一对一挂联
    原文: 采取市场监管局党组成员一对一挂联方式，共同制订维权措施；
    译文: Adopt a one-to-one liaison arrangement with members of the Party leadership group of the Market Supervision Bureau, jointly formulating rights-protection measures;

  @s4.2-guidance
  规则: 指导企业守法经营
    原文: 打击侵权假冒与保护名优产品相结合，通过约谈、指导以及告诫等方式，指导企业守法经营。
    译文: Combine cracking down on infringement and counterfeiting with protecting famous and high-quality products, and guide enterprises to operate lawfully through interviews, guidance, warnings and other means.

  @s4.3
  规则: 适用于区局机关所有人员
    原文: 本服务承诺制度适用于区局机关所有人员。
    译文: This service commitment system applies to all personnel of the District Bureau's offices.

  @s4.4
  规则: 对外服务文明礼貌尽职尽责
    原文: 所有工作人员在对外服务工作中应文明礼貌，热情大方，耐心细致，尽职尽责。
    译文: All staff members shall, in external service work, be civil and courteous, warm and gracious, patient and meticulous, and diligent in fulfilling their duties.

  @s4.5
  规则: 制度和办事指南向社会公示
    原文: 服务承诺有关制度和服务办事指南的有关内容在区级政府网站和政务公开栏上向社会公示。
    译文: The relevant rules of the service commitment and the relevant contents of the service guide shall be published to society on the district government website and the government-affairs disclosure board.

  @s4.6
  规则: 考核和奖惩按相关规定实施
    原文: 对实行服务承诺制度的考核和奖惩按相关规定实施。
    译文: Assessment, rewards and penalties relating to the implementation of the service commitment system shall be carried out in accordance with the relevant provisions.

  @s4.7
  规则: 办公室受理服务行为投诉
    原文: 区局办公室负责受理针对服务行为的投诉，并组织有效投诉的认定工作。投诉受理电话：0719-8693328
    译文: The District Bureau's office is responsible for accepting complaints about service conduct and for organising the determination of valid complaints. Complaint hotline: 0719-8693328
