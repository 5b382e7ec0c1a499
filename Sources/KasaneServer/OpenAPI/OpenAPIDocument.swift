/// The published contract of the HTTP API: OpenAPI 3.1, served at /api/v1/openapi.json.
/// Kept true by tests: every route of the router is here and every path here is routed
/// (OpenAPITests), and schemathesis checks the demo server's answers against it in the
/// test command. Edit the JSON below when a route changes.
enum OpenAPIDocument {
    static let json = #"""
{
 "openapi": "3.1.0",
 "info": {
  "title": "Kasane API",
  "version": "1.0.0",
  "description": "支援会議・重層的支援会議の運営。/api/v1 は Authorization: Bearer トークン が必要です。エラーは {\"error\": {\"status\", \"message\", \"field\"?, \"rows\"?}}。"
 },
 "servers": [
  {
   "url": "/"
  }
 ],
 "security": [
  {
   "bearer": []
  }
 ],
 "components": {
  "securitySchemes": {
   "bearer": {
    "type": "http",
    "scheme": "bearer"
   }
  },
  "schemas": {
   "Error": {
    "type": "object",
    "required": [
     "error"
    ],
    "properties": {
     "error": {
      "type": "object",
      "required": [
       "status",
       "message"
      ],
      "properties": {
       "status": {
        "type": "integer"
       },
       "message": {
        "type": "string",
        "description": "何が誤りかを日本語で"
       },
       "field": {
        "type": "string",
        "description": "誤りのある項目"
       },
       "rows": {
        "type": "array",
        "items": {
         "type": "object",
         "required": [
          "row",
          "message"
         ],
         "properties": {
          "file": {
           "type": "string"
          },
          "row": {
           "type": "integer"
          },
          "column": {
           "type": "string"
          },
          "message": {
           "type": "string"
          }
         }
        }
       }
      }
     }
    }
   },
   "Staff": {
    "type": "object",
    "properties": {
     "active": {
      "type": "boolean"
     },
     "agencyId": {
      "type": "integer"
     },
     "email": {
      "type": "string"
     },
     "id": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "roles": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    },
    "required": [
     "id",
     "agencyId",
     "name",
     "email",
     "roles",
     "active"
    ]
   },
   "Agency": {
    "type": "object",
    "properties": {
     "code": {
      "type": "string"
     },
     "defaultContactId": {
      "type": "integer"
     },
     "department": {
      "type": "string"
     },
     "districts": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "fields": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "id": {
      "type": "integer"
     },
     "kind": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "operation": {
      "type": "string"
     }
    },
    "required": [
     "id",
     "code",
     "name",
     "kind",
     "fields",
     "districts",
     "operation"
    ]
   },
   "District": {
    "type": "object",
    "properties": {
     "code": {
      "type": "string"
     },
     "name": {
      "type": "string"
     }
    },
    "required": [
     "code",
     "name"
    ]
   },
   "Settings": {
    "type": "object",
    "properties": {
     "baseURL": {
      "type": "string"
     },
     "closureDates": {
      "type": "array"
     },
     "fiscalYearStartMonth": {
      "type": "integer"
     },
     "limits": {
      "type": "object",
      "properties": {
       "jsonBytes": {
        "type": "integer"
       },
       "calendarBytes": {
        "type": "integer"
       },
       "uploadBytes": {
        "type": "integer"
       },
       "calendarLines": {
        "type": "integer"
       },
       "calendarComponents": {
        "type": "integer"
       },
       "calendarProperties": {
        "type": "integer"
       },
       "calendarDepth": {
        "type": "integer"
       },
       "bodySeconds": {
        "type": "integer"
       },
       "idleSeconds": {
        "type": "integer"
       },
       "archiveExpandedBytes": {
        "type": "integer",
        "description": "保管用zipの検証で展開する合計の上限（バイト）"
       },
       "unauthenticatedPerMinute": {
        "type": "integer",
        "description": "認証のないリクエストを1分間に受ける数（1つの接続元あたり。超えると429）"
       }
      }
     },
     "multiLayeredMeetingName": {
      "type": "string"
     },
     "municipalityName": {
      "type": "string"
     },
     "officeCloses": {
      "type": "string"
     },
     "officeOpens": {
      "type": "string"
     },
     "supportMeetingName": {
      "type": "string"
     },
     "yearlyClosures": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "fromDay": {
         "type": "integer"
        },
        "fromMonth": {
         "type": "integer"
        },
        "label": {
         "type": "string"
        },
        "toDay": {
         "type": "integer"
        },
        "toMonth": {
         "type": "integer"
        }
       }
      }
     },
     "scheduling": {
      "type": "object",
      "properties": {
       "bufferMinutes": {
        "type": "integer"
       },
       "minimumNoticeWorkingDays": {
        "type": "integer"
       },
       "busyHorizonMonths": {
        "type": "integer"
       },
       "slotMinutes": {
        "type": "integer"
       }
      }
     },
     "retention": {
      "type": "object",
      "properties": {
       "casePersonalDataYears": {
        "type": "integer",
        "minimum": 1,
        "maximum": 30
       },
       "minutesYears": {
        "type": "integer",
        "minimum": 1,
        "maximum": 30
       }
      }
     },
     "targets": {
      "type": "array",
      "description": "実施計画の年度目標",
      "items": {
       "type": "object",
       "required": [
        "fiscalYear",
        "figure",
        "value"
       ],
       "properties": {
        "fiscalYear": {
         "type": "integer",
         "minimum": 2000,
         "maximum": 2100
        },
        "figure": {
         "type": "string",
         "enum": [
          "supportMeetings",
          "multiLayeredMeetings",
          "casesDiscussed",
          "referrals",
          "plansMade",
          "plansApproved",
          "plansEvaluated",
          "plansTerminated",
          "plansSuspended",
          "gapsRaised",
          "gapsResolved",
          "medianDaysToApproval"
         ]
        },
        "value": {
         "type": "integer",
         "minimum": 0,
         "maximum": 100000
        }
       }
      }
     },
     "feedRefreshMinutes": {
      "type": "integer",
      "minimum": 15,
      "maximum": 1440,
      "description": "会員のカレンダーがフィードを読み直す間隔（分）。REFRESH-INTERVAL と X-PUBLISHED-TTL。省略時60"
     },
     "trustedProxies": {
      "type": "array",
      "items": {
       "type": "string"
      },
      "description": "Kasane の前に置いた信頼するリバースプロキシのアドレス。その X-Forwarded-For だけを接続元として記録に使います"
     },
     "secondFactorRequired": {
      "type": "boolean",
      "description": "事例を読む役割の人に、画面のサインインで二段階認証（TOTP）を求める（省略時は求める）"
     }
    },
    "required": [
     "municipalityName",
     "supportMeetingName",
     "multiLayeredMeetingName",
     "officeOpens",
     "officeCloses",
     "yearlyClosures",
     "closureDates",
     "fiscalYearStartMonth",
     "baseURL"
    ]
   },
   "SupportCase": {
    "type": "object",
    "properties": {
     "code": {
      "type": "string"
     },
     "district": {
      "type": "string"
     },
     "fields": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "fiscalYear": {
      "type": "integer"
     },
     "id": {
      "type": "integer"
     },
     "involvedAgencyIds": {
      "type": "array",
      "items": {
       "type": "integer"
      }
     },
     "leadAgencyId": {
      "type": "integer"
     },
     "receivedOn": {
      "type": "string"
     },
     "referringAgencyId": {
      "type": "integer"
     },
     "status": {
      "type": "string"
     },
     "summary": {
      "type": "string"
     },
     "closedOn": {
      "type": "string",
      "format": "date",
      "description": "終結・中断した日（保存期間の起点）"
     }
    },
    "required": [
     "id",
     "code",
     "district",
     "fields",
     "status",
     "summary",
     "fiscalYear",
     "receivedOn"
    ]
   },
   "HouseholdMember": {
    "type": "object",
    "properties": {
     "caseId": {
      "type": "integer"
     },
     "id": {
      "type": "integer"
     },
     "isPrincipal": {
      "type": "boolean"
     },
     "label": {
      "type": "string"
     },
     "relation": {
      "type": "string"
     }
    },
    "required": [
     "id",
     "caseId",
     "relation",
     "label",
     "isPrincipal"
    ]
   },
   "PersonalData": {
    "type": "object",
    "properties": {
     "address": {
      "type": "string"
     },
     "birthDate": {
      "type": "string"
     },
     "kana": {
      "type": "string"
     },
     "memberId": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "notes": {
      "type": "string"
     },
     "sex": {
      "type": "string"
     }
    },
    "required": [
     "memberId",
     "name"
    ]
   },
   "Assignment": {
    "type": "object",
    "properties": {
     "agencyId": {
      "type": "integer"
     },
     "caseId": {
      "type": "integer"
     },
     "staffId": {
      "type": "integer"
     }
    },
    "required": [
     "caseId",
     "agencyId",
     "staffId"
    ]
   },
   "Consent": {
    "type": "object",
    "properties": {
     "caseId": {
      "type": "integer"
     },
     "expiresOn": {
      "type": "string"
     },
     "givenByMemberId": {
      "type": "integer"
     },
     "givenOn": {
      "type": "string"
     },
     "id": {
      "type": "integer"
     },
     "purpose": {
      "type": "string"
     },
     "recordedBy": {
      "type": "integer"
     },
     "scope": {
      "type": "object",
      "properties": {
       "agencyIds": {
        "type": "array",
        "items": {
         "type": "integer"
        }
       },
       "allMeetingMembers": {
        "type": "boolean"
       }
      }
     }
    },
    "required": [
     "id",
     "caseId",
     "givenOn",
     "scope",
     "purpose"
    ]
   },
   "Withdrawal": {
    "type": "object",
    "properties": {
     "affectedMeetingIds": {
      "type": "array"
     },
     "consent": {
      "type": "object",
      "properties": {
       "caseId": {
        "type": "integer"
       },
       "givenByMemberId": {
        "type": "integer"
       },
       "givenOn": {
        "type": "string"
       },
       "id": {
        "type": "integer"
       },
       "purpose": {
        "type": "string"
       },
       "recordedBy": {
        "type": "integer"
       },
       "scope": {
        "type": "object",
        "properties": {
         "allMeetingMembers": {
          "type": "boolean"
         }
        }
       },
       "withdrawalReason": {
        "type": "string"
       },
       "withdrawalRecordedBy": {
        "type": "integer"
       },
       "withdrawnOn": {
        "type": "string"
       }
      }
     }
    },
    "required": [
     "consent",
     "affectedMeetingIds"
    ]
   },
   "Pledge": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "note": {
      "type": "string"
     },
     "pledgedOn": {
      "type": "string"
     },
     "staffId": {
      "type": "integer"
     },
     "recordedBy": {
      "type": "integer"
     }
    },
    "required": [
     "id",
     "staffId",
     "pledgedOn"
    ]
   },
   "Proposal": {
    "type": "object",
    "properties": {
     "createdAt": {
      "type": "string"
     },
     "createdBy": {
      "type": "integer"
     },
     "id": {
      "type": "integer"
     },
     "proposal": {
      "type": "object",
      "properties": {
       "caseCodes": {
        "type": "array",
        "items": {
         "type": "string"
        }
       },
       "date": {
        "type": "string"
       },
       "excluded": {
        "type": "array",
        "items": {
         "type": "object",
         "properties": {
          "agencyId": {
           "type": "integer"
          },
          "agencyName": {
           "type": "string"
          },
          "caseCode": {
           "type": "string"
          },
          "reason": {
           "type": "string"
          },
          "staffId": {
           "type": "integer"
          },
          "staffName": {
           "type": "string"
          }
         }
        }
       },
       "kind": {
        "type": "string"
       },
       "members": {
        "type": "array",
        "items": {
         "type": "object",
         "properties": {
          "agencyId": {
           "type": "integer"
          },
          "agencyName": {
           "type": "string"
          },
          "cases": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "caseCode": {
              "type": "string"
             },
             "reasons": {
              "type": "array",
              "items": {
               "type": "string"
              }
             }
            }
           }
          },
          "role": {
           "type": "string"
          },
          "staffId": {
           "type": "integer"
          },
          "staffName": {
           "type": "string"
          }
         }
        }
       },
       "notes": {
        "type": "array",
        "items": {
         "type": "string"
        }
       }
      }
     },
     "request": {
      "type": "object",
      "properties": {
       "additions": {
        "type": "array"
       },
       "caseIds": {
        "type": "array",
        "items": {
         "type": "integer"
        }
       },
       "exclusions": {
        "type": "array"
       },
       "kind": {
        "type": "string"
       }
      }
     }
    },
    "required": [
     "id",
     "createdAt",
     "createdBy",
     "proposal"
    ]
   },
   "MeetingSummary": {
    "type": "object",
    "properties": {
     "endsAt": {
      "type": "string"
     },
     "id": {
      "type": "integer"
     },
     "kind": {
      "type": "string"
     },
     "place": {
      "type": "string"
     },
     "startsAt": {
      "type": "string"
     },
     "status": {
      "type": "string"
     },
     "title": {
      "type": "string"
     }
    },
    "required": [
     "id",
     "kind",
     "title",
     "startsAt",
     "endsAt",
     "place",
     "status"
    ]
   },
   "MeetingMaterial": {
    "type": "object",
    "properties": {
     "attendees": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "agencyId": {
         "type": "integer"
        },
        "agencyName": {
         "type": "string"
        },
        "everyItem": {
         "type": "boolean"
        },
        "leavesFor": {
         "type": "array"
        },
        "name": {
         "type": "string"
        },
        "response": {
         "type": "string"
        },
        "responseName": {
         "type": "string"
        },
        "role": {
         "type": "string"
        },
        "roleName": {
         "type": "string"
        },
        "staffId": {
         "type": "integer"
        },
        "itemIds": {
         "type": "array",
         "items": {
          "type": "integer"
         }
        }
       }
      }
     },
     "chairId": {
      "type": "integer"
     },
     "endsAt": {
      "type": "string"
     },
     "fiscalYear": {
      "type": "integer"
     },
     "fiscalYearName": {
      "type": "string"
     },
     "id": {
      "type": "integer"
     },
     "items": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "caseCode": {
         "type": "string"
        },
        "caseId": {
         "type": "integer"
        },
        "id": {
         "type": "integer"
        },
        "minutes": {
         "type": "integer"
        },
        "position": {
         "type": "integer"
        },
        "purpose": {
         "type": "string"
        },
        "purposeName": {
         "type": "string"
        },
        "startsAt": {
         "type": "string"
        },
        "withheld": {
         "type": "boolean"
        }
       }
      }
     },
     "kind": {
      "type": "string"
     },
     "legalName": {
      "type": "string"
     },
     "number": {
      "type": "integer"
     },
     "place": {
      "type": "string"
     },
     "secretariatId": {
      "type": "integer"
     },
     "sequence": {
      "type": "integer"
     },
     "startsAt": {
      "type": "string"
     },
     "status": {
      "type": "string"
     },
     "statusName": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "uid": {
      "type": "string"
     },
     "roomId": {
      "type": "integer"
     },
     "notices": {
      "type": "array",
      "items": {
       "type": "string"
      },
      "description": "閉庁日・開庁時間外・最低日数より前など（作成・変更はできるが知らせる）"
     },
     "placeKind": {
      "type": "string",
      "enum": [
       "room",
       "online",
       "visit"
      ],
      "description": "room = 会議室（部屋または場所の名前）, online = オンライン, visit = 訪問（事例の世帯。招待などには「訪問（事例番号）」とだけ載る）"
     },
     "placeKindName": {
      "type": "string"
     },
     "visitCaseId": {
      "type": "integer"
     }
    },
    "required": [
     "id",
     "title",
     "kind",
     "startsAt",
     "endsAt",
     "place",
     "status",
     "uid",
     "sequence",
     "items",
     "attendees"
    ]
   },
   "MeetingChange": {
    "type": "object",
    "properties": {
     "change": {
      "type": "string"
     },
     "createdAt": {
      "type": "string"
     },
     "id": {
      "type": "integer"
     },
     "meetingId": {
      "type": "integer"
     },
     "sequence": {
      "type": "integer"
     }
    },
    "required": [
     "id",
     "meetingId",
     "change",
     "sequence",
     "createdAt"
    ]
   },
   "MessageSummary": {
    "type": "object",
    "properties": {
     "createdAt": {
      "type": "string"
     },
     "id": {
      "type": "integer"
     },
     "method": {
      "type": "string"
     },
     "sequence": {
      "type": "integer"
     },
     "staffId": {
      "type": "integer"
     }
    },
    "required": [
     "id",
     "staffId",
     "method",
     "sequence",
     "createdAt"
    ]
   },
   "CounterProposal": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "meetingId": {
      "type": "integer"
     },
     "proposedEnd": {
      "type": "string"
     },
     "proposedStart": {
      "type": "string"
     },
     "receivedAt": {
      "type": "string"
     },
     "sequence": {
      "type": "integer"
     },
     "staffId": {
      "type": "integer"
     }
    },
    "required": [
     "id",
     "meetingId",
     "staffId",
     "proposedStart",
     "proposedEnd"
    ]
   },
   "ImportReport": {
    "type": "object",
    "properties": {
     "agenciesCreated": {
      "type": "integer"
     },
     "agenciesUpdated": {
      "type": "integer"
     },
     "pledgesRecorded": {
      "type": "integer"
     },
     "staffCreated": {
      "type": "integer"
     },
     "staffUpdated": {
      "type": "integer"
     },
     "rolesRequested": {
      "type": "integer",
      "description": "承認待ちになった事例を読む役割の数"
     }
    },
    "required": [
     "agenciesCreated",
     "agenciesUpdated",
     "staffCreated",
     "staffUpdated",
     "pledgesRecorded"
    ]
   },
   "AuditEntry": {
    "type": "object",
    "properties": {
     "action": {
      "type": "string"
     },
     "allowed": {
      "type": "boolean"
     },
     "at": {
      "type": "string"
     },
     "id": {
      "type": "integer"
     },
     "origin": {
      "type": "string"
     },
     "staffId": {
      "type": "integer"
     },
     "target": {
      "type": "string"
     },
     "meetingId": {
      "type": "integer"
     },
     "previousHash": {
      "type": "string",
      "description": "前の行のハッシュ（最初の行は0が64個）"
     },
     "hash": {
      "type": "string",
      "description": "この行の内容と previousHash の SHA-256"
     }
    },
    "required": [
     "id",
     "at",
     "action",
     "allowed",
     "origin"
    ]
   },
   "Feed": {
    "type": "object",
    "properties": {
     "url": {
      "type": "string"
     },
     "webcal": {
      "type": "string"
     }
    },
    "required": [
     "url",
     "webcal"
    ]
   },
   "ITIPResult": {
    "type": "object",
    "properties": {
     "meetingId": {
      "type": "integer"
     },
     "message": {
      "type": "string"
     },
     "response": {
      "type": "string"
     },
     "result": {
      "type": "string"
     },
     "staffId": {
      "type": "integer"
     }
    },
    "required": [
     "result",
     "message"
    ]
   },
   "FieldName": {
    "type": "string",
    "description": "分野の名前（例: 介護・高齢）"
   },
   "CaseInput": {
    "type": "object",
    "required": [
     "district",
     "fields",
     "summary"
    ],
    "properties": {
     "receivedOn": {
      "type": "string",
      "format": "date",
      "example": "2026-12-01"
     },
     "district": {
      "type": "string",
      "minLength": 1,
      "maxLength": 32
     },
     "fields": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "referringAgencyId": {
      "type": "integer",
      "format": "int64",
      "minimum": 1
     },
     "leadAgencyId": {
      "type": "integer",
      "format": "int64",
      "minimum": 1
     },
     "involvedAgencyIds": {
      "type": "array",
      "items": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     "status": {
      "type": "string",
      "enum": [
       "intake",
       "assessment",
       "planning",
       "supporting",
       "evaluation",
       "terminated",
       "suspended"
      ]
     },
     "summary": {
      "type": "string",
      "minLength": 1,
      "maxLength": 200,
      "description": "事例の概要。世帯員の氏名・読み・生年月日は（カタカナ・半角でも）拒否されます"
     },
     "reopenedOn": {
      "type": "string",
      "format": "date",
      "description": "終結・中断した事例を新しいつなぎで再開する日（省略時は今日）。その年度のつなぎ件数に数えます"
     }
    }
   },
   "HouseholdMemberInput": {
    "type": "object",
    "required": [
     "relation",
     "name"
    ],
    "properties": {
     "relation": {
      "type": "string",
      "minLength": 1,
      "maxLength": 20
     },
     "isPrincipal": {
      "type": "boolean"
     },
     "label": {
      "type": "string",
      "minLength": 1,
      "maxLength": 40
     },
     "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 50
     },
     "kana": {
      "type": "string"
     },
     "birthDate": {
      "type": "string",
      "format": "date",
      "example": "2026-12-01"
     },
     "sex": {
      "type": "string"
     },
     "address": {
      "type": "string"
     },
     "notes": {
      "type": "string"
     }
    }
   },
   "ConsentInput": {
    "type": "object",
    "required": [
     "givenByMemberId",
     "givenOn",
     "scope",
     "purpose"
    ],
    "properties": {
     "givenByMemberId": {
      "type": "integer",
      "format": "int64",
      "minimum": 1
     },
     "givenOn": {
      "type": "string",
      "format": "date",
      "example": "2026-12-01"
     },
     "scope": {
      "type": "object",
      "properties": {
       "allMeetingMembers": {
        "type": "boolean"
       },
       "agencyIds": {
        "type": "array",
        "items": {
         "type": "integer",
         "format": "int64",
         "minimum": 1
        }
       }
      }
     },
     "purpose": {
      "type": "string",
      "minLength": 1,
      "maxLength": 500
     },
     "expiresOn": {
      "type": "string",
      "format": "date",
      "example": "2026-12-01"
     }
    }
   },
   "WithdrawalInput": {
    "type": "object",
    "required": [
     "reason"
    ],
    "properties": {
     "withdrawnOn": {
      "type": "string",
      "format": "date",
      "example": "2026-12-01"
     },
     "reason": {
      "type": "string",
      "minLength": 1,
      "maxLength": 200
     }
    }
   },
   "ProposalRequest": {
    "type": "object",
    "required": [
     "kind",
     "caseIds"
    ],
    "properties": {
     "kind": {
      "type": "string",
      "enum": [
       "support",
       "multiLayered"
      ],
      "description": "support = 支援会議, multiLayered = 重層的支援会議"
     },
     "caseIds": {
      "type": "array",
      "items": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     "date": {
      "type": "string",
      "format": "date",
      "example": "2026-12-01"
     },
     "chairId": {
      "type": "integer",
      "format": "int64",
      "minimum": 1
     },
     "secretariatId": {
      "type": "integer",
      "format": "int64",
      "minimum": 1
     },
     "additions": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "staffId",
        "reason"
       ],
       "properties": {
        "staffId": {
         "type": "integer",
         "format": "int64",
         "minimum": 1
        },
        "reason": {
         "type": "string",
         "minLength": 1,
         "maxLength": 200
        },
        "caseIds": {
         "type": "array",
         "items": {
          "type": "integer",
          "format": "int64",
          "minimum": 1
         }
        }
       }
      }
     },
     "exclusions": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "reason"
       ],
       "properties": {
        "staffId": {
         "type": "integer",
         "format": "int64",
         "minimum": 1
        },
        "agencyId": {
         "type": "integer",
         "format": "int64",
         "minimum": 1
        },
        "reason": {
         "type": "string",
         "minLength": 1,
         "maxLength": 200
        },
        "caseIds": {
         "type": "array",
         "items": {
          "type": "integer",
          "format": "int64",
          "minimum": 1
         }
        }
       }
      }
     }
    }
   },
   "AgendaItemInput": {
    "type": "object",
    "required": [
     "purpose"
    ],
    "properties": {
     "caseId": {
      "type": "integer",
      "format": "int64",
      "minimum": 1
     },
     "purpose": {
      "type": "string",
      "enum": [
       "planReview",
       "evaluationTermination",
       "socialResources",
       "informationSharing",
       "watchingDirection",
       "urgentResponse"
      ]
     },
     "minutes": {
      "type": "integer",
      "minimum": 5,
      "maximum": 240
     },
     "position": {
      "type": "integer",
      "minimum": 1
     }
    }
   },
   "MeetingInput": {
    "type": "object",
    "required": [
     "kind",
     "startsAt",
     "endsAt",
     "place"
    ],
    "properties": {
     "kind": {
      "type": "string",
      "enum": [
       "support",
       "multiLayered"
      ],
      "description": "support = 支援会議, multiLayered = 重層的支援会議"
     },
     "startsAt": {
      "type": "string",
      "format": "date-time",
      "example": "2026-12-01T10:00:00+09:00"
     },
     "endsAt": {
      "type": "string",
      "format": "date-time",
      "example": "2026-12-01T10:00:00+09:00"
     },
     "place": {
      "type": "string",
      "maxLength": 100,
      "description": "場所の名前。世帯員の氏名・住所・「様宅」などは拒否されます。空なら部屋の名前（訪問では空のまま）"
     },
     "chairId": {
      "type": "integer",
      "format": "int64",
      "minimum": 1
     },
     "secretariatId": {
      "type": "integer",
      "format": "int64",
      "minimum": 1
     },
     "proposalId": {
      "type": "integer",
      "format": "int64",
      "minimum": 1
     },
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AgendaItemInput"
      }
     },
     "roomId": {
      "type": "integer",
      "minimum": 1
     },
     "placeKind": {
      "type": "string",
      "enum": [
       "room",
       "online",
       "visit"
      ],
      "description": "room = 会議室（部屋または場所の名前）, online = オンライン, visit = 訪問（事例の世帯。招待などには「訪問（事例番号）」とだけ載る）"
     },
     "visitCaseId": {
      "type": "integer",
      "format": "int64",
      "minimum": 1,
      "description": "訪問する事例（議題にある事例）。placeKind が visit のとき必須"
     }
    }
   },
   "MeetingChangeInput": {
    "type": "object",
    "properties": {
     "startsAt": {
      "type": "string",
      "format": "date-time",
      "example": "2026-12-01T10:00:00+09:00"
     },
     "endsAt": {
      "type": "string",
      "format": "date-time",
      "example": "2026-12-01T10:00:00+09:00"
     },
     "place": {
      "type": "string",
      "minLength": 1,
      "maxLength": 100,
      "description": "場所の名前。世帯員の氏名・住所・「様宅」などは拒否されます"
     },
     "roomId": {
      "type": "integer",
      "minimum": 0,
      "description": "0 で部屋の予約を外す"
     },
     "placeKind": {
      "type": "string",
      "enum": [
       "room",
       "online",
       "visit"
      ],
      "description": "room = 会議室（部屋または場所の名前）, online = オンライン, visit = 訪問（事例の世帯。招待などには「訪問（事例番号）」とだけ載る）"
     },
     "visitCaseId": {
      "type": "integer",
      "format": "int64",
      "minimum": 1,
      "description": "訪問する事例（議題にある事例）。placeKind が visit のとき必須"
     }
    }
   },
   "AttendeeInput": {
    "type": "object",
    "required": [
     "staffId"
    ],
    "properties": {
     "staffId": {
      "type": "integer",
      "format": "int64",
      "minimum": 1
     },
     "role": {
      "type": "string",
      "enum": [
       "chair",
       "required",
       "optional",
       "observer"
      ]
     },
     "itemIds": {
      "type": "array",
      "items": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     "leavesFor": {
      "type": "array",
      "items": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     "reason": {
      "type": "string",
      "minLength": 1,
      "maxLength": 200
     }
    }
   },
   "CancellationInput": {
    "type": "object",
    "required": [
     "reason"
    ],
    "properties": {
     "reason": {
      "type": "string",
      "minLength": 1,
      "maxLength": 200
     }
    }
   },
   "DistrictInput": {
    "type": "object",
    "required": [
     "code",
     "name"
    ],
    "properties": {
     "code": {
      "type": "string",
      "minLength": 1,
      "maxLength": 32
     },
     "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 50
     }
    }
   },
   "FieldInput": {
    "type": "object",
    "required": [
     "name"
    ],
    "properties": {
     "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 30
     }
    }
   },
   "StaffInput": {
    "type": "object",
    "required": [
     "agencyId",
     "name",
     "email",
     "roles"
    ],
    "properties": {
     "agencyId": {
      "type": "integer",
      "format": "int64",
      "minimum": 1
     },
     "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 50
     },
     "email": {
      "type": "string",
      "format": "email"
     },
     "roles": {
      "type": "array",
      "items": {
       "type": "string",
       "enum": [
        "coordinator",
        "secretariat",
        "member",
        "administrator"
       ]
      }
     },
     "active": {
      "type": "boolean"
     }
    }
   },
   "AgencyInput": {
    "type": "object",
    "required": [
     "code",
     "name",
     "kind",
     "fields",
     "operation"
    ],
    "properties": {
     "code": {
      "type": "string",
      "minLength": 1,
      "maxLength": 32
     },
     "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 100
     },
     "kind": {
      "type": "string",
      "minLength": 1,
      "maxLength": 50
     },
     "fields": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "districts": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "operation": {
      "type": "string",
      "enum": [
       "direct",
       "contracted"
      ]
     },
     "department": {
      "type": "string"
     },
     "defaultContactId": {
      "type": "integer",
      "format": "int64",
      "minimum": 1
     }
    }
   },
   "PledgeInput": {
    "type": "object",
    "required": [
     "pledgedOn"
    ],
    "properties": {
     "pledgedOn": {
      "type": "string",
      "format": "date",
      "example": "2026-12-01"
     },
     "note": {
      "type": "string"
     }
    }
   },
   "AssignmentInput": {
    "type": "object",
    "required": [
     "staffId"
    ],
    "properties": {
     "staffId": {
      "type": "integer",
      "format": "int64",
      "minimum": 1
     }
    }
   },
   "BusySummary": {
    "type": "object",
    "required": [
     "staffId",
     "intervals",
     "events",
     "truncatedRules",
     "notices"
    ],
    "properties": {
     "staffId": {
      "type": "integer"
     },
     "importedAt": {
      "type": "string",
      "format": "date-time"
     },
     "windowStart": {
      "type": "string",
      "format": "date-time"
     },
     "windowEnd": {
      "type": "string",
      "format": "date-time"
     },
     "intervals": {
      "type": "integer"
     },
     "events": {
      "type": "integer"
     },
     "truncatedRules": {
      "type": "integer"
     },
     "notices": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    }
   },
   "SlotSearchRequest": {
    "type": "object",
    "required": [
     "kind"
    ],
    "properties": {
     "kind": {
      "type": "string",
      "enum": [
       "support",
       "multiLayered"
      ]
     },
     "proposalId": {
      "type": "integer",
      "minimum": 1
     },
     "required": {
      "type": "array",
      "items": {
       "type": "integer",
       "minimum": 1
      }
     },
     "optional": {
      "type": "array",
      "items": {
       "type": "integer",
       "minimum": 1
      }
     },
     "minutes": {
      "type": "integer",
      "minimum": 15,
      "maximum": 480
     },
     "from": {
      "type": "string",
      "format": "date"
     },
     "to": {
      "type": "string",
      "format": "date"
     },
     "preferred": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "from",
        "to"
       ],
       "properties": {
        "from": {
         "type": "string",
         "example": "13:00"
        },
        "to": {
         "type": "string",
         "example": "17:00"
        }
       }
      }
     },
     "urgent": {
      "type": "boolean"
     },
     "count": {
      "type": "integer",
      "minimum": 1,
      "maximum": 20
     },
     "room": {
      "type": "object",
      "description": "部屋が必要なとき：合う部屋が空いている時間だけを候補にする",
      "properties": {
       "capacity": {
        "type": "integer",
        "minimum": 1
       },
       "equipment": {
        "type": "array",
        "items": {
         "type": "string"
        }
       },
       "online": {
        "type": "boolean"
       }
      }
     },
     "anyTime": {
      "type": "boolean",
      "description": "閉庁日と7:00〜21:00も探す（指定したときだけ。該当する候補にはそう示す）"
     }
    }
   },
   "SlotSearchAnswer": {
    "type": "object",
    "required": [
     "complete",
     "earliestDay",
     "daysSearched",
     "people",
     "candidates",
     "notices"
    ],
    "properties": {
     "complete": {
      "type": "boolean",
      "description": "全候補で必須の出席者が全員そろうか"
     },
     "earliestDay": {
      "type": "string"
     },
     "daysSearched": {
      "type": "integer"
     },
     "people": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "staffId",
        "name",
        "agencyName",
        "required",
        "calendarUploaded"
       ],
       "properties": {
        "staffId": {
         "type": "integer"
        },
        "name": {
         "type": "string"
        },
        "agencyName": {
         "type": "string"
        },
        "required": {
         "type": "boolean"
        },
        "calendarUploaded": {
         "type": "boolean"
        }
       }
      }
     },
     "candidates": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "startsAt",
        "endsAt",
        "free",
        "busy",
        "missing",
        "preferredTime",
        "outsideOfficeHours"
       ],
       "properties": {
        "startsAt": {
         "type": "string",
         "format": "date-time"
        },
        "endsAt": {
         "type": "string",
         "format": "date-time"
        },
        "free": {
         "type": "array",
         "items": {
          "type": "integer"
         }
        },
        "busy": {
         "type": "array",
         "items": {
          "type": "integer"
         },
         "description": "予定あり（理由は示さない）"
        },
        "missing": {
         "type": "array",
         "items": {
          "type": "string"
         },
         "description": "来られない必須の出席者"
        },
        "preferredTime": {
         "type": "boolean"
        },
        "outsideOfficeHours": {
         "type": "boolean"
        },
        "roomId": {
         "type": "integer"
        },
        "roomName": {
         "type": "string"
        },
        "closedDay": {
         "type": "string"
        }
       }
      }
     },
     "notices": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    }
   },
   "Room": {
    "type": "object",
    "required": [
     "id",
     "name",
     "online",
     "equipment",
     "active"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "capacity": {
      "type": "integer"
     },
     "online": {
      "type": "boolean"
     },
     "equipment": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "active": {
      "type": "boolean"
     }
    }
   },
   "RoomInput": {
    "type": "object",
    "required": [
     "name"
    ],
    "properties": {
     "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 100
     },
     "capacity": {
      "type": "integer",
      "minimum": 1,
      "maximum": 500
     },
     "online": {
      "type": "boolean"
     },
     "equipment": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "active": {
      "type": "boolean"
     }
    }
   },
   "BookingRequest": {
    "type": "object",
    "required": [
     "kind",
     "startsAt",
     "endsAt"
    ],
    "properties": {
     "kind": {
      "type": "string",
      "enum": [
       "support",
       "multiLayered"
      ]
     },
     "startsAt": {
      "type": "string",
      "format": "date-time"
     },
     "endsAt": {
      "type": "string",
      "format": "date-time"
     },
     "meetingId": {
      "type": "integer",
      "minimum": 1
     },
     "proposalId": {
      "type": "integer",
      "minimum": 1
     },
     "required": {
      "type": "array",
      "items": {
       "type": "integer",
       "minimum": 1
      }
     },
     "roomId": {
      "type": "integer",
      "minimum": 1
     },
     "place": {
      "type": "string"
     },
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AgendaItemInput"
      }
     }
    }
   },
   "PollInput": {
    "type": "object",
    "required": [
     "kind",
     "slots"
    ],
    "properties": {
     "kind": {
      "type": "string",
      "enum": [
       "support",
       "multiLayered"
      ]
     },
     "proposalId": {
      "type": "integer",
      "minimum": 1
     },
     "required": {
      "type": "array",
      "items": {
       "type": "integer",
       "minimum": 1
      }
     },
     "optional": {
      "type": "array",
      "items": {
       "type": "integer",
       "minimum": 1
      }
     },
     "slots": {
      "type": "array",
      "minItems": 1,
      "maxItems": 20,
      "items": {
       "type": "object",
       "required": [
        "startsAt",
        "endsAt"
       ],
       "properties": {
        "startsAt": {
         "type": "string",
         "format": "date-time"
        },
        "endsAt": {
         "type": "string",
         "format": "date-time"
        }
       }
      }
     },
     "closesOn": {
      "type": "string",
      "format": "date"
     },
     "note": {
      "type": "string",
      "maxLength": 500
     }
    }
   },
   "PollAnswersInput": {
    "type": "object",
    "required": [
     "answers"
    ],
    "properties": {
     "answers": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "slotId",
        "answer"
       ],
       "properties": {
        "slotId": {
         "type": "integer",
         "minimum": 1
        },
        "answer": {
         "type": "string",
         "description": "yes / maybe / no、または ○ / △ / ×"
        }
       }
      }
     }
    }
   },
   "PollBooking": {
    "type": "object",
    "required": [
     "slotId"
    ],
    "properties": {
     "slotId": {
      "type": "integer",
      "minimum": 1
     },
     "roomId": {
      "type": "integer",
      "minimum": 1
     },
     "place": {
      "type": "string"
     }
    }
   },
   "Poll": {
    "type": "object",
    "required": [
     "id",
     "kind",
     "status",
     "statusName",
     "slots"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "kind": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "open",
       "closed",
       "booked"
      ]
     },
     "statusName": {
      "type": "string"
     },
     "closesOn": {
      "type": "string"
     },
     "note": {
      "type": "string"
     },
     "meetingId": {
      "type": "integer"
     },
     "slots": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "id",
        "startsAt",
        "endsAt",
        "yes",
        "maybe",
        "no"
       ],
       "properties": {
        "id": {
         "type": "integer"
        },
        "startsAt": {
         "type": "string",
         "format": "date-time"
        },
        "endsAt": {
         "type": "string",
         "format": "date-time"
        },
        "yes": {
         "type": "integer"
        },
        "maybe": {
         "type": "integer"
        },
        "no": {
         "type": "integer"
        },
        "mine": {
         "type": "string",
         "enum": [
          "yes",
          "maybe",
          "no"
         ],
         "description": "○ yes・△ maybe・× no（入力は ○ △ × でもよい）"
        },
        "answers": {
         "type": "object",
         "additionalProperties": {
          "type": "string",
          "enum": [
           "yes",
           "maybe",
           "no"
          ],
          "description": "○ yes・△ maybe・× no（入力は ○ △ × でもよい）"
         },
         "description": "職員IDごとの回答（多機関協働だけ）"
        },
        "requiredNo": {
         "type": "array",
         "items": {
          "type": "string"
         }
        }
       }
      }
     },
     "participants": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "staffId",
        "name",
        "agencyName",
        "required",
        "answered"
       ],
       "properties": {
        "staffId": {
         "type": "integer"
        },
        "name": {
         "type": "string"
        },
        "agencyName": {
         "type": "string"
        },
        "required": {
         "type": "boolean"
        },
        "answered": {
         "type": "boolean"
        }
       }
      }
     }
    }
   },
   "SeriesInput": {
    "type": "object",
    "required": [
     "kind",
     "weekday",
     "startTime",
     "endTime",
     "from",
     "to"
    ],
    "properties": {
     "kind": {
      "type": "string",
      "enum": [
       "support",
       "multiLayered"
      ]
     },
     "weekday": {
      "type": "integer",
      "minimum": 1,
      "maximum": 7,
      "description": "1=月 … 7=日"
     },
     "ordinal": {
      "type": "integer",
      "minimum": 1,
      "maximum": 5,
      "description": "毎月第N（5は最終）。省略で毎週"
     },
     "startTime": {
      "type": "string",
      "example": "14:00"
     },
     "endTime": {
      "type": "string",
      "example": "15:30"
     },
     "from": {
      "type": "string",
      "format": "date"
     },
     "to": {
      "type": "string",
      "format": "date"
     },
     "place": {
      "type": "string"
     },
     "roomId": {
      "type": "integer",
      "minimum": 1
     },
     "proposalId": {
      "type": "integer",
      "minimum": 1
     },
     "onClosure": {
      "type": "string",
      "enum": [
       "nextWorkingDay",
       "skip"
      ]
     },
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AgendaItemInput"
      }
     }
    }
   },
   "Series": {
    "type": "object",
    "required": [
     "id",
     "kind",
     "rule",
     "cancelled",
     "entries"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "kind": {
      "type": "string"
     },
     "rule": {
      "type": "object"
     },
     "cancelled": {
      "type": "boolean"
     },
     "entries": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "ruleDay"
       ],
       "properties": {
        "ruleDay": {
         "type": "string"
        },
        "day": {
         "type": "string"
        },
        "closure": {
         "type": "string"
        },
        "meetingId": {
         "type": "integer"
        },
        "status": {
         "type": "string"
        },
        "change": {
         "type": "string"
        }
       }
      }
     }
    }
   },
   "Decision": {
    "type": "object",
    "description": "構造化された決定。text だけが自由記述で、出席者用の読みにだけ出ます。",
    "required": [
     "kind"
    ],
    "properties": {
     "kind": {
      "type": "string",
      "enum": [
       "informationShared",
       "watchingPolicy",
       "urgentAction",
       "planApproved",
       "planSentBack",
       "goalEvaluation",
       "planContinued",
       "planRevised",
       "planSuspended",
       "planTerminated",
       "roleAssigned",
       "resourceGap"
      ]
     },
     "text": {
      "type": "string",
      "maxLength": 2000
     },
     "agencyId": {
      "type": "integer",
      "format": "int64"
     },
     "date": {
      "type": "string",
      "format": "date"
     },
     "termination": {
      "type": "string",
      "enum": [
       "goalReached",
       "handedBack",
       "movedAway",
       "died",
       "refused",
       "otherSystem"
      ]
     },
     "goals": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "goal",
        "rating"
       ],
       "properties": {
        "goal": {
         "type": "integer",
         "minimum": 1,
         "maximum": 50
        },
        "rating": {
         "type": "string",
         "enum": [
          "achieved",
          "partlyAchieved",
          "notAchieved"
         ]
        }
       }
      }
     },
     "field": {
      "type": "string"
     }
    }
   },
   "Attendance": {
    "type": "object",
    "required": [
     "staffId",
     "presence"
    ],
    "properties": {
     "staffId": {
      "type": "integer",
      "format": "int64"
     },
     "presence": {
      "type": "string",
      "enum": [
       "present",
       "absent",
       "leftRoom"
      ]
     }
    }
   },
   "MinutesEdit": {
    "type": "object",
    "required": [
     "items"
    ],
    "properties": {
     "items": {
      "type": "array",
      "maxItems": 200,
      "items": {
       "type": "object",
       "required": [
        "itemId"
       ],
       "properties": {
        "itemId": {
         "type": "integer",
         "format": "int64"
        },
        "attendance": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Attendance"
         }
        },
        "summary": {
         "type": "string",
         "maxLength": 10000
        },
        "decisions": {
         "type": "array",
         "maxItems": 50,
         "items": {
          "$ref": "#/components/schemas/Decision"
         }
        }
       }
      }
     }
    }
   },
   "MinutesCorrectionInput": {
    "type": "object",
    "required": [
     "reason"
    ],
    "properties": {
     "reason": {
      "type": "string",
      "minLength": 1,
      "maxLength": 500
     }
    }
   },
   "MinutesReturnInput": {
    "type": "object",
    "required": [
     "comment"
    ],
    "properties": {
     "comment": {
      "type": "string",
      "minLength": 1,
      "maxLength": 2000
     }
    }
   },
   "MinutesVersion": {
    "type": "object",
    "required": [
     "version",
     "state",
     "stateName",
     "authorId",
     "createdAt",
     "recordHash",
     "textsHash",
     "previousHash"
    ],
    "properties": {
     "version": {
      "type": "integer"
     },
     "state": {
      "type": "string",
      "enum": [
       "draft",
       "approved"
      ]
     },
     "stateName": {
      "type": "string"
     },
     "reason": {
      "type": "string"
     },
     "authorId": {
      "type": "integer"
     },
     "createdAt": {
      "type": "string",
      "format": "date-time"
     },
     "returnedComment": {
      "type": "string"
     },
     "approvedBy": {
      "type": "integer"
     },
     "approvedAt": {
      "type": "string",
      "format": "date-time"
     },
     "recordHash": {
      "type": "string"
     },
     "textsHash": {
      "type": "string"
     },
     "previousHash": {
      "type": "string"
     },
     "versionHash": {
      "type": "string"
     }
    }
   },
   "MinutesItem": {
    "type": "object",
    "required": [
     "itemId",
     "position",
     "purpose",
     "purposeName",
     "attendance",
     "decisions",
     "withheld",
     "erased"
    ],
    "properties": {
     "itemId": {
      "type": "integer"
     },
     "position": {
      "type": "integer"
     },
     "purpose": {
      "type": "string"
     },
     "purposeName": {
      "type": "string"
     },
     "caseId": {
      "type": "integer"
     },
     "caseCode": {
      "type": "string"
     },
     "attendance": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Attendance"
      }
     },
     "summary": {
      "type": "string"
     },
     "decisions": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Decision"
      }
     },
     "withheld": {
      "type": "boolean",
      "description": "出席範囲外（（この議題は出席範囲外です））"
     },
     "erased": {
      "type": "boolean",
      "description": "保存期間の経過で記録を消去済み"
     }
    }
   },
   "Minutes": {
    "type": "object",
    "required": [
     "meetingId",
     "title",
     "status",
     "version",
     "items",
     "versions"
    ],
    "properties": {
     "meetingId": {
      "type": "integer"
     },
     "title": {
      "type": "string"
     },
     "status": {
      "type": "string"
     },
     "version": {
      "$ref": "#/components/schemas/MinutesVersion"
     },
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/MinutesItem"
      }
     },
     "versions": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/MinutesVersion"
      }
     }
    }
   },
   "MinutesChain": {
    "type": "object",
    "required": [
     "meetingId",
     "versions",
     "problems",
     "ok"
    ],
    "properties": {
     "meetingId": {
      "type": "integer"
     },
     "versions": {
      "type": "integer"
     },
     "head": {
      "type": "string"
     },
     "problems": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "ok": {
      "type": "boolean"
     }
    }
   },
   "Retention": {
    "type": "object",
    "required": [
     "today",
     "settings",
     "cases",
     "minutes",
     "erased"
    ],
    "properties": {
     "today": {
      "type": "string",
      "format": "date"
     },
     "settings": {
      "type": "object"
     },
     "cases": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "caseId": {
         "type": "integer"
        },
        "code": {
         "type": "string"
        },
        "closedOn": {
         "type": "string"
        },
        "keptUntil": {
         "type": "string"
        },
        "personalRecords": {
         "type": "integer"
        },
        "minutesTexts": {
         "type": "integer"
        }
       }
      }
     },
     "minutes": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "meetingId": {
         "type": "integer"
        },
        "title": {
         "type": "string"
        },
        "heldOn": {
         "type": "string"
        },
        "keptUntil": {
         "type": "string"
        },
        "minutesTexts": {
         "type": "integer"
        }
       }
      }
     },
     "erased": {
      "type": "integer"
     }
    }
   },
   "ArchiveReport": {
    "type": "object",
    "required": [
     "files",
     "problems",
     "ok"
    ],
    "properties": {
     "files": {
      "type": "integer"
     },
     "manifestSHA256": {
      "type": "string"
     },
     "problems": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "ok": {
      "type": "boolean"
     }
    }
   },
   "PlanInput": {
    "type": "object",
    "required": [
     "wishes",
     "goals",
     "nextReviewOn"
    ],
    "description": "作成中の版の内容。状態はここでは変えられません（議事録の決定で変わります）。",
    "properties": {
     "wishes": {
      "type": "string",
      "minLength": 1,
      "maxLength": 500
     },
     "goals": {
      "type": "array",
      "minItems": 1,
      "maxItems": 20,
      "items": {
       "type": "object",
       "required": [
        "term",
        "text",
        "actions"
       ],
       "properties": {
        "term": {
         "type": "string",
         "enum": [
          "long",
          "short"
         ]
        },
        "text": {
         "type": "string",
         "minLength": 1,
         "maxLength": 500
        },
        "actions": {
         "type": "array",
         "minItems": 1,
         "maxItems": 20,
         "items": {
          "type": "object",
          "required": [
           "agencyId",
           "what",
           "frequency",
           "period"
          ],
          "properties": {
           "agencyId": {
            "type": "integer",
            "format": "int64"
           },
           "what": {
            "type": "string",
            "minLength": 1,
            "maxLength": 300
           },
           "frequency": {
            "type": "string",
            "minLength": 1,
            "maxLength": 50
           },
           "period": {
            "type": "string",
            "minLength": 1,
            "maxLength": 50
           }
          }
         }
        }
       }
      }
     },
     "nextReviewOn": {
      "type": "string",
      "format": "date"
     }
    }
   },
   "SupportPlan": {
    "type": "object",
    "required": [
     "id",
     "caseId",
     "caseCode",
     "version",
     "state",
     "stateName",
     "wishes",
     "goals",
     "nextReviewOn",
     "createdOn",
     "history",
     "events"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "caseId": {
      "type": "integer"
     },
     "caseCode": {
      "type": "string"
     },
     "version": {
      "type": "integer"
     },
     "state": {
      "type": "string",
      "enum": [
       "draft",
       "underReview",
       "approved",
       "inProgress",
       "evaluation",
       "terminated",
       "suspended",
       "revised"
      ]
     },
     "stateName": {
      "type": "string"
     },
     "wishes": {
      "type": "string"
     },
     "goals": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "term",
        "text",
        "actions"
       ],
       "properties": {
        "term": {
         "type": "string",
         "enum": [
          "long",
          "short"
         ]
        },
        "text": {
         "type": "string",
         "minLength": 1,
         "maxLength": 500
        },
        "actions": {
         "type": "array",
         "minItems": 1,
         "maxItems": 20,
         "items": {
          "type": "object",
          "required": [
           "agencyId",
           "what",
           "frequency",
           "period"
          ],
          "properties": {
           "agencyId": {
            "type": "integer",
            "format": "int64"
           },
           "what": {
            "type": "string",
            "minLength": 1,
            "maxLength": 300
           },
           "frequency": {
            "type": "string",
            "minLength": 1,
            "maxLength": 50
           },
           "period": {
            "type": "string",
            "minLength": 1,
            "maxLength": 50
           }
          }
         }
        }
       }
      }
     },
     "nextReviewOn": {
      "type": "string",
      "format": "date"
     },
     "createdOn": {
      "type": "string",
      "format": "date"
     },
     "history": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "from",
        "to",
        "toName",
        "on"
       ],
       "properties": {
        "from": {
         "type": "string",
         "enum": [
          "draft",
          "underReview",
          "approved",
          "inProgress",
          "evaluation",
          "terminated",
          "suspended",
          "revised"
         ]
        },
        "to": {
         "type": "string",
         "enum": [
          "draft",
          "underReview",
          "approved",
          "inProgress",
          "evaluation",
          "terminated",
          "suspended",
          "revised"
         ]
        },
        "toName": {
         "type": "string"
        },
        "on": {
         "type": "string",
         "format": "date"
        },
        "meetingId": {
         "type": "integer"
        },
        "minutesVersion": {
         "type": "integer"
        },
        "decision": {
         "type": "string"
        },
        "termination": {
         "type": "string"
        },
        "agencyId": {
         "type": "integer"
        },
        "reason": {
         "type": "string"
        }
       }
      }
     },
     "events": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "kind",
        "on",
        "meetingId"
       ],
       "properties": {
        "kind": {
         "type": "string"
        },
        "on": {
         "type": "string",
         "format": "date"
        },
        "meetingId": {
         "type": "integer"
        },
        "goal": {
         "type": "integer"
        },
        "rating": {
         "type": "string"
        },
        "agencyId": {
         "type": "integer"
        },
        "detail": {
         "type": "string"
        }
       }
      }
     }
    }
   },
   "ReopenInput": {
    "type": "object",
    "required": [
     "reason"
    ],
    "properties": {
     "reason": {
      "type": "string",
      "minLength": 1,
      "maxLength": 500
     }
    }
   },
   "GapUpdate": {
    "type": "object",
    "required": [
     "status"
    ],
    "properties": {
     "status": {
      "type": "string",
      "enum": [
       "open",
       "studying",
       "project",
       "resolved"
      ]
     },
     "passedTo": {
      "type": "string",
      "maxLength": 200
     }
    }
   },
   "ResourceGap": {
    "type": "object",
    "required": [
     "id",
     "field",
     "description",
     "caseCodes",
     "status",
     "statusName",
     "raisedOn"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "field": {
      "type": "string"
     },
     "district": {
      "type": "string"
     },
     "description": {
      "type": "string"
     },
     "caseCodes": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "status": {
      "type": "string",
      "enum": [
       "open",
       "studying",
       "project",
       "resolved"
      ]
     },
     "statusName": {
      "type": "string"
     },
     "passedTo": {
      "type": "string"
     },
     "raisedOn": {
      "type": "string",
      "format": "date"
     },
     "resolvedOn": {
      "type": "string",
      "format": "date"
     },
     "meetingId": {
      "type": "integer"
     }
    }
   },
   "OverdueReview": {
    "type": "object",
    "required": [
     "planId",
     "caseId",
     "caseCode",
     "state",
     "nextReviewOn",
     "daysLeft",
     "suggestion"
    ],
    "properties": {
     "planId": {
      "type": "integer"
     },
     "caseId": {
      "type": "integer"
     },
     "caseCode": {
      "type": "string"
     },
     "state": {
      "type": "string"
     },
     "nextReviewOn": {
      "type": "string",
      "format": "date"
     },
     "daysLeft": {
      "type": "integer"
     },
     "suggestedMeetingId": {
      "type": "integer"
     },
     "suggestion": {
      "type": "string"
     }
    }
   },
   "YearFigures": {
    "type": "object",
    "required": [
     "fiscalYear",
     "fiscalYearName",
     "from",
     "to",
     "rows"
    ],
    "properties": {
     "fiscalYear": {
      "type": "integer"
     },
     "fiscalYearName": {
      "type": "string"
     },
     "from": {
      "type": "string",
      "format": "date"
     },
     "to": {
      "type": "string",
      "format": "date"
     },
     "rows": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "figure",
        "label",
        "actual"
       ],
       "properties": {
        "figure": {
         "type": "string"
        },
        "label": {
         "type": "string"
        },
        "actual": {
         "type": "number"
        },
        "target": {
         "type": "integer"
        },
        "rate": {
         "type": "number"
        }
       }
      }
     }
    }
   },
   "VisitAddress": {
    "type": "object",
    "required": [
     "meetingId",
     "caseId",
     "caseCode"
    ],
    "properties": {
     "meetingId": {
      "type": "integer"
     },
     "caseId": {
      "type": "integer"
     },
     "caseCode": {
      "type": "string"
     },
     "memberLabel": {
      "type": "string",
      "description": "住所の世帯員（表示ラベル）"
     },
     "address": {
      "type": "string",
      "description": "訪問先の住所（個人情報。閲覧は監査ログに記録）"
     }
    }
   },
   "ChainHead": {
    "type": "object",
    "required": [
     "id",
     "hash"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "hash": {
      "type": "string"
     }
    }
   },
   "AuditVerification": {
    "type": "object",
    "required": [
     "rows",
     "publishedChecked",
     "ok"
    ],
    "properties": {
     "rows": {
      "type": "integer"
     },
     "head": {
      "$ref": "#/components/schemas/ChainHead"
     },
     "problemRowId": {
      "type": "integer",
      "description": "一致しない最初の行"
     },
     "problem": {
      "type": "string"
     },
     "publishedChecked": {
      "type": "integer"
     },
     "ok": {
      "type": "boolean"
     }
    }
   },
   "TokenSummary": {
    "type": "object",
    "required": [
     "id",
     "label",
     "createdAt"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "label": {
      "type": "string"
     },
     "createdAt": {
      "type": "string",
      "format": "date-time"
     },
     "revokedAt": {
      "type": "string",
      "format": "date-time"
     }
    }
   },
   "IssuedToken": {
    "type": "object",
    "required": [
     "token",
     "record"
    ],
    "properties": {
     "token": {
      "type": "string",
      "description": "一度だけ表示されるトークン"
     },
     "record": {
      "$ref": "#/components/schemas/TokenSummary"
     }
    }
   },
   "RoleGrant": {
    "type": "object",
    "required": [
     "id",
     "staffId",
     "role",
     "requestedBy",
     "requestedAt",
     "status"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "staffId": {
      "type": "integer"
     },
     "role": {
      "type": "string",
      "enum": [
       "coordinator",
       "secretariat",
       "member",
       "administrator"
      ]
     },
     "requestedBy": {
      "type": "integer"
     },
     "requestedAt": {
      "type": "string",
      "format": "date-time"
     },
     "status": {
      "type": "string",
      "enum": [
       "pending",
       "approved",
       "refused"
      ]
     },
     "decidedBy": {
      "type": "integer"
     },
     "decidedAt": {
      "type": "string",
      "format": "date-time"
     },
     "reason": {
      "type": "string"
     }
    }
   }
  },
  "responses": {
   "Error400": {
    "description": "入力の誤り（項目名つき。CSVは行ごと）",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "Error401": {
    "description": "トークンがない・無効",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "Error403": {
    "description": "その役割ではできない操作",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "Error404": {
    "description": "IDがない、または知る立場にない",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "Error408": {
    "description": "本文の送信に時間がかかりすぎた",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "Error409": {
    "description": "いまの状態と矛盾する（規則違反・重複・締切後・部屋や出席者の予定がふさがった など）",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "Error413": {
    "description": "本文が上限より大きい",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "Error501": {
    "description": "この設置では使えない機能（PDFにはChromiumが必要）",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "Error429": {
    "description": "認証のないリクエストが1分間に多すぎる（しばらく待つ）",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   }
  },
  "parameters": {
   "audit_staffId": {
    "name": "staffId",
    "in": "query",
    "schema": {
     "type": "integer",
     "minimum": 1
    }
   },
   "audit_caseCode": {
    "name": "caseCode",
    "in": "query",
    "schema": {
     "type": "string"
    }
   },
   "audit_action": {
    "name": "action",
    "in": "query",
    "description": "An action or the start of one (consent finds consent.record and consent.withdraw).",
    "schema": {
     "type": "string"
    }
   },
   "audit_from": {
    "name": "from",
    "in": "query",
    "schema": {
     "type": "string",
     "format": "date"
    }
   },
   "audit_to": {
    "name": "to",
    "in": "query",
    "schema": {
     "type": "string",
     "format": "date"
    }
   },
   "audit_refusalsOnly": {
    "name": "refusalsOnly",
    "in": "query",
    "schema": {
     "type": "boolean"
    }
   },
   "audit_limit": {
    "name": "limit",
    "in": "query",
    "schema": {
     "type": "integer",
     "minimum": 1,
     "maximum": 100000
    }
   },
   "doc_reading": {
    "name": "reading",
    "in": "query",
    "required": false,
    "description": "distributed（配布用、既定）または attendee（出席者用、監査されます）",
    "schema": {
     "type": "string",
     "enum": [
      "distributed",
      "attendee"
     ]
    }
   },
   "doc_format": {
    "name": "format",
    "in": "query",
    "required": false,
    "description": "html（既定）、markdown、pdf（Chromiumがあるとき）",
    "schema": {
     "type": "string",
     "enum": [
      "html",
      "markdown",
      "pdf"
     ]
    }
   },
   "doc_version": {
    "name": "version",
    "in": "query",
    "required": false,
    "description": "議事録の版（省略時は読める最新）",
    "schema": {
     "type": "integer",
     "minimum": 1,
     "maximum": 2147483647
    }
   }
  }
 },
 "paths": {
  "/health": {
   "get": {
    "summary": "稼働確認",
    "tags": [
     "service"
    ],
    "operationId": "get_health",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "status"
         ],
         "properties": {
          "status": {
           "type": "string",
           "enum": [
            "ok"
           ]
          }
         }
        }
       }
      }
     }
    },
    "security": []
   }
  },
  "/api/v1/openapi.json": {
   "get": {
    "summary": "このAPIの仕様（OpenAPI 3.1）",
    "tags": [
     "service"
    ],
    "operationId": "get_api_v1_openapi_json",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     }
    },
    "security": []
   }
  },
  "/feeds/{file}": {
   "get": {
    "summary": "会議の購読フィード（URLの token が認証）",
    "tags": [
     "invitations"
    ],
    "operationId": "get_feeds_file",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "text/calendar": {
        "schema": {
         "type": "string"
        }
       }
      },
      "headers": {
       "ETag": {
        "schema": {
         "type": "string"
        }
       },
       "Last-Modified": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "304": {
      "description": "If-None-Match の ETag と同じ内容（本文なし）"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "security": [],
    "parameters": [
     {
      "name": "file",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "pattern": "^[A-Za-z0-9_-]+\\.ics$"
      },
      "description": "発行されたトークン + .ics"
     },
     {
      "name": "If-None-Match",
      "in": "header",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ]
   }
  },
  "/api/v1/me": {
   "get": {
    "summary": "自分",
    "tags": [
     "directory"
    ],
    "operationId": "get_api_v1_me",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Staff"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/settings": {
   "get": {
    "summary": "自治体の設定",
    "tags": [
     "directory"
    ],
    "operationId": "get_api_v1_settings",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Settings"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "put": {
    "summary": "自治体の設定を変更（管理者）",
    "tags": [
     "directory"
    ],
    "operationId": "put_api_v1_settings",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Settings"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Settings"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/fields": {
   "get": {
    "summary": "分野の一覧",
    "tags": [
     "directory"
    ],
    "operationId": "get_api_v1_fields",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/FieldName"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "post": {
    "summary": "分野を追加（管理者）",
    "tags": [
     "directory"
    ],
    "operationId": "post_api_v1_fields",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/FieldInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/FieldName"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/districts": {
   "get": {
    "summary": "圏域の一覧",
    "tags": [
     "directory"
    ],
    "operationId": "get_api_v1_districts",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/District"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "post": {
    "summary": "圏域を追加（管理者）",
    "tags": [
     "directory"
    ],
    "operationId": "post_api_v1_districts",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/DistrictInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/District"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/agencies": {
   "get": {
    "summary": "機関の一覧",
    "tags": [
     "directory"
    ],
    "operationId": "get_api_v1_agencies",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Agency"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "post": {
    "summary": "機関を登録（管理者）",
    "tags": [
     "directory"
    ],
    "operationId": "post_api_v1_agencies",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/AgencyInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Agency"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/agencies/{id}": {
   "get": {
    "summary": "機関",
    "tags": [
     "directory"
    ],
    "operationId": "get_api_v1_agencies_id",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Agency"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "put": {
    "summary": "機関を変更（管理者）",
    "tags": [
     "directory"
    ],
    "operationId": "put_api_v1_agencies_id",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/AgencyInput"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Agency"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/agencies/{id}/staff": {
   "get": {
    "summary": "機関の職員",
    "tags": [
     "directory"
    ],
    "operationId": "get_api_v1_agencies_id_staff",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Staff"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/staff": {
   "get": {
    "summary": "職員の一覧",
    "tags": [
     "directory"
    ],
    "operationId": "get_api_v1_staff",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Staff"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "post": {
    "summary": "職員を登録（管理者）",
    "tags": [
     "directory"
    ],
    "operationId": "post_api_v1_staff",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/StaffInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Staff"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/staff/{id}": {
   "get": {
    "summary": "職員",
    "tags": [
     "directory"
    ],
    "operationId": "get_api_v1_staff_id",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Staff"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "put": {
    "summary": "職員を変更（管理者）",
    "tags": [
     "directory"
    ],
    "operationId": "put_api_v1_staff_id",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/StaffInput"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Staff"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/staff/{id}/pledges": {
   "get": {
    "summary": "職員の守秘義務の確認",
    "tags": [
     "directory"
    ],
    "operationId": "get_api_v1_staff_id_pledges",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Pledge"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "post": {
    "summary": "守秘義務の確認を記録",
    "tags": [
     "directory"
    ],
    "operationId": "post_api_v1_staff_id_pledges",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/PledgeInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Pledge"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/pledges": {
   "get": {
    "summary": "守秘義務の確認の一覧",
    "tags": [
     "directory"
    ],
    "operationId": "get_api_v1_pledges",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Pledge"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/import/agencies": {
   "post": {
    "summary": "機関のCSVを取り込む（管理者）",
    "tags": [
     "directory"
    ],
    "operationId": "post_api_v1_import_agencies",
    "requestBody": {
     "required": true,
     "content": {
      "text/csv": {
       "schema": {
        "type": "string"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ImportReport"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/import/staff": {
   "post": {
    "summary": "職員のCSVを取り込む（管理者）",
    "tags": [
     "directory"
    ],
    "operationId": "post_api_v1_import_staff",
    "requestBody": {
     "required": true,
     "content": {
      "text/csv": {
       "schema": {
        "type": "string"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ImportReport"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/cases": {
   "get": {
    "summary": "見てよい事例の一覧",
    "tags": [
     "cases"
    ],
    "operationId": "get_api_v1_cases",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/SupportCase"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "post": {
    "summary": "事例を登録（多機関協働）",
    "tags": [
     "cases"
    ],
    "operationId": "post_api_v1_cases",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/CaseInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SupportCase"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/cases/{id}": {
   "get": {
    "summary": "事例",
    "tags": [
     "cases"
    ],
    "operationId": "get_api_v1_cases_id",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SupportCase"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "put": {
    "summary": "事例を変更（多機関協働）",
    "tags": [
     "cases"
    ],
    "operationId": "put_api_v1_cases_id",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/CaseInput"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SupportCase"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/cases/{id}/assignments": {
   "get": {
    "summary": "機関ごとの担当者",
    "tags": [
     "cases"
    ],
    "operationId": "get_api_v1_cases_id_assignments",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Assignment"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/cases/{id}/assignments/{agencyId}": {
   "put": {
    "summary": "担当者を決める（多機関協働）",
    "tags": [
     "cases"
    ],
    "operationId": "put_api_v1_cases_id_assignments_agencyId",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     {
      "name": "agencyId",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/AssignmentInput"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Assignment"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/cases/{id}/household": {
   "get": {
    "summary": "世帯員（名前を含まない表示名）",
    "tags": [
     "cases"
    ],
    "operationId": "get_api_v1_cases_id_household",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/HouseholdMember"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "post": {
    "summary": "世帯員を追加（多機関協働）",
    "tags": [
     "cases"
    ],
    "operationId": "post_api_v1_cases_id_household",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/HouseholdMemberInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/HouseholdMember"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/cases/{id}/household/{memberId}": {
   "put": {
    "summary": "世帯員を変更（多機関協働）",
    "tags": [
     "cases"
    ],
    "operationId": "put_api_v1_cases_id_household_memberId",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     {
      "name": "memberId",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/HouseholdMemberInput"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/HouseholdMember"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/cases/{id}/household/{memberId}/personal": {
   "get": {
    "summary": "世帯員の個人情報（関係機関だけ）",
    "tags": [
     "cases"
    ],
    "operationId": "get_api_v1_cases_id_household_memberId_personal",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     {
      "name": "memberId",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/PersonalData"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/cases/{id}/consents": {
   "get": {
    "summary": "本人同意の記録",
    "tags": [
     "consent"
    ],
    "operationId": "get_api_v1_cases_id_consents",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Consent"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "post": {
    "summary": "本人同意を記録（多機関協働）",
    "tags": [
     "consent"
    ],
    "operationId": "post_api_v1_cases_id_consents",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ConsentInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Consent"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/cases/{id}/consents/{consentId}/withdrawal": {
   "post": {
    "summary": "本人同意の撤回（多機関協働）",
    "tags": [
     "consent"
    ],
    "operationId": "post_api_v1_cases_id_consents_consentId_withdrawal",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     {
      "name": "consentId",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/WithdrawalInput"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Withdrawal"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/proposals": {
   "post": {
    "summary": "構成員の提案（多機関協働）",
    "tags": [
     "meetings"
    ],
    "operationId": "post_api_v1_proposals",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ProposalRequest"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Proposal"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/proposals/{id}": {
   "get": {
    "summary": "保存した提案",
    "tags": [
     "meetings"
    ],
    "operationId": "get_api_v1_proposals_id",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Proposal"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/meetings": {
   "get": {
    "summary": "出席する会議の一覧",
    "tags": [
     "meetings"
    ],
    "operationId": "get_api_v1_meetings",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/MeetingSummary"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "post": {
    "summary": "会議を作る（多機関協働）",
    "tags": [
     "meetings"
    ],
    "operationId": "post_api_v1_meetings",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/MeetingInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MeetingMaterial"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/meetings/{id}": {
   "get": {
    "summary": "会議の資料（見てよい議題だけ）",
    "tags": [
     "meetings"
    ],
    "operationId": "get_api_v1_meetings_id",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MeetingMaterial"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "put": {
    "summary": "日時・場所を変更（多機関協働）",
    "tags": [
     "meetings"
    ],
    "operationId": "put_api_v1_meetings_id",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/MeetingChangeInput"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MeetingMaterial"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/meetings/{id}/cancellation": {
   "post": {
    "summary": "会議を中止（理由つき）",
    "tags": [
     "meetings"
    ],
    "operationId": "post_api_v1_meetings_id_cancellation",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/CancellationInput"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MeetingMaterial"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/meetings/{id}/held": {
   "post": {
    "summary": "開催済みにする",
    "tags": [
     "meetings"
    ],
    "operationId": "post_api_v1_meetings_id_held",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MeetingMaterial"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/meetings/{id}/changes": {
   "get": {
    "summary": "招待のための変更記録",
    "tags": [
     "meetings"
    ],
    "operationId": "get_api_v1_meetings_id_changes",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/MeetingChange"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/meetings/{id}/items": {
   "post": {
    "summary": "議題を追加",
    "tags": [
     "meetings"
    ],
    "operationId": "post_api_v1_meetings_id_items",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/AgendaItemInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MeetingMaterial"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/meetings/{id}/items/{itemId}": {
   "put": {
    "summary": "議題を変更",
    "tags": [
     "meetings"
    ],
    "operationId": "put_api_v1_meetings_id_items_itemId",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     {
      "name": "itemId",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/AgendaItemInput"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MeetingMaterial"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "delete": {
    "summary": "議題を外す",
    "tags": [
     "meetings"
    ],
    "operationId": "delete_api_v1_meetings_id_items_itemId",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     {
      "name": "itemId",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MeetingMaterial"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/meetings/{id}/attendees": {
   "post": {
    "summary": "出席者を加える（規則を確認）",
    "tags": [
     "meetings"
    ],
    "operationId": "post_api_v1_meetings_id_attendees",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/AttendeeInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MeetingMaterial"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/meetings/{id}/attendees/{staffId}": {
   "put": {
    "summary": "出席者の議題・退席を変更",
    "tags": [
     "meetings"
    ],
    "operationId": "put_api_v1_meetings_id_attendees_staffId",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     {
      "name": "staffId",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/AttendeeInput"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MeetingMaterial"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "delete": {
    "summary": "出席者を外す",
    "tags": [
     "meetings"
    ],
    "operationId": "delete_api_v1_meetings_id_attendees_staffId",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     {
      "name": "staffId",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     {
      "name": "reason",
      "in": "query",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MeetingMaterial"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/meetings/{id}/invitations": {
   "post": {
    "summary": "招待を送る",
    "tags": [
     "invitations"
    ],
    "operationId": "post_api_v1_meetings_id_invitations",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/MessageSummary"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/meetings/{id}/messages": {
   "get": {
    "summary": "送った招待",
    "tags": [
     "invitations"
    ],
    "operationId": "get_api_v1_meetings_id_messages",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/MessageSummary"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/meetings/{id}/counters": {
   "get": {
    "summary": "別の日時の提案",
    "tags": [
     "invitations"
    ],
    "operationId": "get_api_v1_meetings_id_counters",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/CounterProposal"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/itip": {
   "post": {
    "summary": "出欠の返信・時間の提案を取り込む（iTIP REPLY / COUNTER）",
    "tags": [
     "invitations"
    ],
    "operationId": "post_api_v1_itip",
    "requestBody": {
     "required": true,
     "content": {
      "text/calendar": {
       "schema": {
        "type": "string"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ITIPResult"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/me/feed": {
   "post": {
    "summary": "購読フィードのURLを発行・更新",
    "tags": [
     "invitations"
    ],
    "operationId": "post_api_v1_me_feed",
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Feed"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/audit": {
   "get": {
    "summary": "監査ログ（管理者）",
    "tags": [
     "audit"
    ],
    "operationId": "get_api_v1_audit",
    "parameters": [
     {
      "$ref": "#/components/parameters/audit_staffId"
     },
     {
      "$ref": "#/components/parameters/audit_caseCode"
     },
     {
      "$ref": "#/components/parameters/audit_action"
     },
     {
      "$ref": "#/components/parameters/audit_from"
     },
     {
      "$ref": "#/components/parameters/audit_to"
     },
     {
      "$ref": "#/components/parameters/audit_refusalsOnly"
     },
     {
      "$ref": "#/components/parameters/audit_limit"
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/AuditEntry"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/audit.csv": {
   "get": {
    "summary": "監査ログのCSV（管理者、Excel用BOMつき）",
    "tags": [
     "audit"
    ],
    "operationId": "get_api_v1_audit_csv",
    "parameters": [
     {
      "$ref": "#/components/parameters/audit_staffId"
     },
     {
      "$ref": "#/components/parameters/audit_caseCode"
     },
     {
      "$ref": "#/components/parameters/audit_action"
     },
     {
      "$ref": "#/components/parameters/audit_from"
     },
     {
      "$ref": "#/components/parameters/audit_to"
     },
     {
      "$ref": "#/components/parameters/audit_refusalsOnly"
     },
     {
      "$ref": "#/components/parameters/audit_limit"
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "text/csv": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/me/busy": {
   "get": {
    "summary": "自分の予定表から取り込んだ予定あり時間（件数と期間）",
    "tags": [
     "scheduling"
    ],
    "operationId": "get_api_v1_me_busy",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/BusySummary"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "put": {
    "summary": "自分の予定表（.ics）を取り込む：前の分はまとめて置き換え、予定の中身は保存しない",
    "tags": [
     "scheduling"
    ],
    "operationId": "put_api_v1_me_busy",
    "requestBody": {
     "required": true,
     "content": {
      "text/calendar": {
       "schema": {
        "type": "string"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/BusySummary"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "delete": {
    "summary": "取り込んだ予定表を消す",
    "tags": [
     "scheduling"
    ],
    "operationId": "delete_api_v1_me_busy",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/BusySummary"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/schedule/search": {
   "post": {
    "summary": "日程の候補を探す（多機関協働）：必須の出席者の予定・開庁時間・祝日・最低日数から",
    "tags": [
     "scheduling"
    ],
    "operationId": "post_api_v1_schedule_search",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/SlotSearchRequest"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SlotSearchAnswer"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/rooms": {
   "get": {
    "summary": "部屋の一覧",
    "tags": [
     "scheduling"
    ],
    "operationId": "get_api_v1_rooms",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Room"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "post": {
    "summary": "部屋を登録（管理者）",
    "tags": [
     "scheduling"
    ],
    "operationId": "post_api_v1_rooms",
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Room"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/RoomInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/rooms/{id}": {
   "get": {
    "summary": "部屋",
    "tags": [
     "scheduling"
    ],
    "operationId": "get_api_v1_rooms_id",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Room"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   },
   "put": {
    "summary": "部屋を変更（管理者）",
    "tags": [
     "scheduling"
    ],
    "operationId": "put_api_v1_rooms_id",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Room"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/RoomInput"
       }
      }
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/api/v1/schedule/book": {
   "post": {
    "summary": "見つけた日時で会議を作る・移す（出席者と部屋を同じトランザクションで確認し直す）",
    "tags": [
     "scheduling"
    ],
    "operationId": "post_api_v1_schedule_book",
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MeetingMaterial"
        }
       }
      }
     },
     "200": {
      "description": "会議を移した",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MeetingMaterial"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/BookingRequest"
       }
      }
     }
    }
   }
  },
  "/api/v1/polls": {
   "get": {
    "summary": "日程調整の一覧（多機関協働はすべて、構成員は自分が回答するもの）",
    "tags": [
     "scheduling"
    ],
    "operationId": "get_api_v1_polls",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Poll"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "post": {
    "summary": "日程調整を始める（多機関協働）",
    "tags": [
     "scheduling"
    ],
    "operationId": "post_api_v1_polls",
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Poll"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/PollInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/polls/{id}": {
   "get": {
    "summary": "日程調整（構成員には件数と自分の回答だけ）",
    "tags": [
     "scheduling"
    ],
    "operationId": "get_api_v1_polls_id",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Poll"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/api/v1/polls/{id}/answers": {
   "put": {
    "summary": "自分の回答（○△×）を出す・変える（締切まで）",
    "tags": [
     "scheduling"
    ],
    "operationId": "put_api_v1_polls_id_answers",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Poll"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/PollAnswersInput"
       }
      }
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/api/v1/polls/{id}/close": {
   "post": {
    "summary": "回答を締め切る（多機関協働）",
    "tags": [
     "scheduling"
    ],
    "operationId": "post_api_v1_polls_id_close",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Poll"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/api/v1/polls/{id}/booking": {
   "post": {
    "summary": "候補を選んで会議を作る（多機関協働）",
    "tags": [
     "scheduling"
    ],
    "operationId": "post_api_v1_polls_id_booking",
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MeetingMaterial"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/PollBooking"
       }
      }
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/api/v1/series": {
   "post": {
    "summary": "定例を作る（多機関協働）：回ごとに会議を作り、祝日・閉庁日は翌開庁日へ移すか休む",
    "tags": [
     "scheduling"
    ],
    "operationId": "post_api_v1_series",
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Series"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/SeriesInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/series/{id}": {
   "get": {
    "summary": "定例と各回",
    "tags": [
     "scheduling"
    ],
    "operationId": "get_api_v1_series_id",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Series"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/api/v1/series/{id}/cancellation": {
   "post": {
    "summary": "定例を中止（これからの回だけ中止）",
    "tags": [
     "scheduling"
    ],
    "operationId": "post_api_v1_series_id_cancellation",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Series"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/CancellationInput"
       }
      }
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/api/v1/meetings/{id}/agenda": {
   "get": {
    "summary": "次第（配布用／出席者用、Markdown・HTML・PDF）",
    "tags": [
     "minutes"
    ],
    "operationId": "get_api_v1_meetings_id_agenda",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     {
      "$ref": "#/components/parameters/doc_reading"
     },
     {
      "$ref": "#/components/parameters/doc_format"
     }
    ],
    "responses": {
     "200": {
      "description": "文書（ファイル名は会議の種類・回・読みだけ）",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       },
       "text/markdown": {
        "schema": {
         "type": "string"
        }
       },
       "application/pdf": {
        "schema": {
         "type": "string",
         "format": "binary"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "501": {
      "$ref": "#/components/responses/Error501"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/meetings/{id}/minutes/document": {
   "get": {
    "summary": "議事録の文書（配布用／出席者用）",
    "tags": [
     "minutes"
    ],
    "operationId": "get_api_v1_meetings_id_minutes_document",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     {
      "$ref": "#/components/parameters/doc_reading"
     },
     {
      "$ref": "#/components/parameters/doc_format"
     },
     {
      "$ref": "#/components/parameters/doc_version"
     }
    ],
    "responses": {
     "200": {
      "description": "文書（ファイル名は会議の種類・回・読みだけ）",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       },
       "text/markdown": {
        "schema": {
         "type": "string"
        }
       },
       "application/pdf": {
        "schema": {
         "type": "string",
         "format": "binary"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "501": {
      "$ref": "#/components/responses/Error501"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/meetings/{id}/minutes": {
   "get": {
    "summary": "議事録（出席した議題だけ。読むたびに監査ログ）",
    "tags": [
     "minutes"
    ],
    "operationId": "get_api_v1_meetings_id_minutes",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     },
     {
      "$ref": "#/components/parameters/doc_reading"
     },
     {
      "$ref": "#/components/parameters/doc_version"
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Minutes"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "post": {
    "summary": "議事録案を次第から作る（事務局、開催済みの会議）",
    "tags": [
     "minutes"
    ],
    "operationId": "post_api_v1_meetings_id_minutes",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Minutes"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "patch": {
    "summary": "議事録案を直す（事務局。承認済みは409）",
    "tags": [
     "minutes"
    ],
    "operationId": "patch_api_v1_meetings_id_minutes",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Minutes"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/MinutesEdit"
       }
      }
     }
    }
   }
  },
  "/api/v1/meetings/{id}/minutes/approval-request": {
   "post": {
    "summary": "議事録案の承認を議長に依頼する（事務局。議長に通知が届く）",
    "tags": [
     "minutes"
    ],
    "operationId": "post_api_v1_meetings_id_minutes_approval_request",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Minutes"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/meetings/{id}/minutes/approval": {
   "post": {
    "summary": "議事録案を承認する（その会議の議長）",
    "tags": [
     "minutes"
    ],
    "operationId": "post_api_v1_meetings_id_minutes_approval",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Minutes"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/meetings/{id}/minutes/return": {
   "post": {
    "summary": "議事録案を差し戻す（議長）",
    "tags": [
     "minutes"
    ],
    "operationId": "post_api_v1_meetings_id_minutes_return",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Minutes"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/MinutesReturnInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/meetings/{id}/minutes/corrections": {
   "post": {
    "summary": "訂正を新しい版として始める（事務局）",
    "tags": [
     "minutes"
    ],
    "operationId": "post_api_v1_meetings_id_minutes_corrections",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Minutes"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/MinutesCorrectionInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/minutes/verification": {
   "get": {
    "summary": "議事録のハッシュチェーンを確かめる（事務局）",
    "tags": [
     "minutes"
    ],
    "operationId": "get_api_v1_minutes_verification",
    "parameters": [
     {
      "name": "meetingId",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 2147483647
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/MinutesChain"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/retention": {
   "get": {
    "summary": "保存期間を過ぎたもの（事務局）",
    "tags": [
     "minutes"
    ],
    "operationId": "get_api_v1_retention",
    "parameters": [],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Retention"
        }
       }
      }
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/retention/erasure": {
   "post": {
    "summary": "保存期間を過ぎたものを消去する（事務局、1件ごとに監査）",
    "tags": [
     "minutes"
    ],
    "operationId": "post_api_v1_retention_erasure",
    "parameters": [],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Retention"
        }
       }
      }
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/archives": {
   "post": {
    "summary": "年度の保管用zipを作る（事務局）",
    "tags": [
     "minutes"
    ],
    "operationId": "post_api_v1_archives",
    "parameters": [
     {
      "name": "fiscalYear",
      "in": "query",
      "required": true,
      "schema": {
       "type": "integer",
       "minimum": 2000,
       "maximum": 2100
      }
     }
    ],
    "responses": {
     "200": {
      "description": "年度の保管用zip（X-Manifest-SHA256 に manifest.json のハッシュ）",
      "content": {
       "application/zip": {
        "schema": {
         "type": "string",
         "format": "binary"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/archives/verification": {
   "post": {
    "summary": "保管用zipを manifest と照らす（事務局）",
    "tags": [
     "minutes"
    ],
    "operationId": "post_api_v1_archives_verification",
    "parameters": [
     {
      "name": "manifestSHA256",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ArchiveReport"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "requestBody": {
     "required": true,
     "description": "保管用zip（kasane archive の出力）",
     "content": {
      "application/octet-stream": {
       "schema": {
        "type": "string",
        "format": "binary"
       }
      }
     }
    }
   }
  },
  "/api/v1/cases/{id}/plans": {
   "get": {
    "summary": "事例の支援プランの版と履歴（事例を見られる人）",
    "tags": [
     "plans"
    ],
    "operationId": "get_api_v1_cases_id_plans",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/SupportPlan"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "post": {
    "summary": "支援プランを作る（多機関協働事業者。機関は同意の範囲内）",
    "tags": [
     "plans"
    ],
    "operationId": "post_api_v1_cases_id_plans",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SupportPlan"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/PlanInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/cases/{id}/reopening": {
   "post": {
    "summary": "終結・中断した事例を再受付する（多機関協働事業者）",
    "tags": [
     "plans"
    ],
    "operationId": "post_api_v1_cases_id_reopening",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SupportCase"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ReopenInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/plans/{id}": {
   "put": {
    "summary": "作成中の支援プランを直す（状態は変えられません）",
    "tags": [
     "plans"
    ],
    "operationId": "put_api_v1_plans_id",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SupportPlan"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/PlanInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/plans/overdue": {
   "get": {
    "summary": "評価日を過ぎた・近い支援プラン（多機関協働事業者・事務局）",
    "tags": [
     "plans"
    ],
    "operationId": "get_api_v1_plans_overdue",
    "parameters": [
     {
      "name": "withinDays",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 365
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/OverdueReview"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/gaps": {
   "get": {
    "summary": "社会資源の不足（事例番号のみ）",
    "tags": [
     "plans"
    ],
    "operationId": "get_api_v1_gaps",
    "parameters": [
     {
      "name": "status",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "enum": [
        "open",
        "studying",
        "project",
        "resolved"
       ]
      }
     },
     {
      "name": "field",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "district",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/ResourceGap"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/gaps/{id}": {
   "put": {
    "summary": "社会資源の不足の状態を進める",
    "tags": [
     "plans"
    ],
    "operationId": "put_api_v1_gaps_id",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ResourceGap"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/GapUpdate"
       }
      }
     }
    }
   }
  },
  "/api/v1/figures": {
   "get": {
    "summary": "年度の実績と目標（多機関協働事業者・事務局）",
    "tags": [
     "plans"
    ],
    "operationId": "get_api_v1_figures",
    "parameters": [
     {
      "name": "fiscalYear",
      "in": "query",
      "required": true,
      "schema": {
       "type": "integer",
       "minimum": 2000,
       "maximum": 2100
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/YearFigures"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/figures.csv": {
   "get": {
    "summary": "年度の実績と目標のCSV（UTF-8 BOM、日本語の見出し）",
    "tags": [
     "plans"
    ],
    "operationId": "get_api_v1_figures_csv",
    "parameters": [
     {
      "name": "fiscalYear",
      "in": "query",
      "required": true,
      "schema": {
       "type": "integer",
       "minimum": 2000,
       "maximum": 2100
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "text/csv": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/meetings/{id}/visit": {
   "get": {
    "summary": "訪問先の住所（事例の個人情報を閲覧できる人だけ。記録されます）",
    "tags": [
     "meetings"
    ],
    "operationId": "get_api_v1_meetings_id_visit",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/VisitAddress"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/audit/verify": {
   "get": {
    "summary": "監査ログのハッシュの連鎖を検証（管理者）。公開された先頭（head=行番号:ハッシュ）とも照合",
    "tags": [
     "audit"
    ],
    "operationId": "get_api_v1_audit_verify",
    "parameters": [
     {
      "name": "head",
      "in": "query",
      "required": false,
      "schema": {
       "type": "array",
       "items": {
        "type": "string",
        "pattern": "^[0-9]+:[0-9a-fA-F]{64}$"
       }
      },
      "style": "form",
      "explode": true,
      "description": "公開された先頭（繰り返し可）"
     }
    ],
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AuditVerification"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   }
  },
  "/api/v1/me/tokens": {
   "get": {
    "summary": "自分のAPIトークンの一覧（トークンそのものは含まない）",
    "tags": [
     "auth"
    ],
    "operationId": "get_api_v1_me_tokens",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/TokenSummary"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    }
   },
   "post": {
    "summary": "自分のAPIトークンを発行（本人だけが発行できる）",
    "tags": [
     "auth"
    ],
    "operationId": "post_api_v1_me_tokens",
    "responses": {
     "201": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/IssuedToken"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "required": [
         "label"
        ],
        "properties": {
         "label": {
          "type": "string",
          "minLength": 1,
          "maxLength": 100
         }
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/tokens/{id}": {
   "delete": {
    "summary": "APIトークンを失効（本人か管理者）",
    "tags": [
     "auth"
    ],
    "operationId": "delete_api_v1_tokens_id",
    "responses": {
     "204": {
      "description": "成功"
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/api/v1/role-grants": {
   "get": {
    "summary": "事例を読む役割の付与の依頼（管理者・多機関協働）",
    "tags": [
     "auth"
    ],
    "operationId": "get_api_v1_role_grants",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/RoleGrant"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "parameters": [
     {
      "name": "status",
      "in": "query",
      "schema": {
       "type": "string",
       "enum": [
        "pending",
        "approved",
        "refused",
        "all"
       ]
      }
     }
    ]
   }
  },
  "/api/v1/role-grants/{id}/approval": {
   "post": {
    "summary": "役割の付与を承認（依頼した人・本人以外の多機関協働か管理者）",
    "tags": [
     "auth"
    ],
    "operationId": "post_api_v1_role_grants_id_approval",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/RoleGrant"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ]
   }
  },
  "/api/v1/role-grants/{id}/refusal": {
   "post": {
    "summary": "役割の付与を却下",
    "tags": [
     "auth"
    ],
    "operationId": "post_api_v1_role_grants_id_refusal",
    "responses": {
     "200": {
      "description": "成功",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/RoleGrant"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error400"
     },
     "401": {
      "$ref": "#/components/responses/Error401"
     },
     "403": {
      "$ref": "#/components/responses/Error403"
     },
     "404": {
      "$ref": "#/components/responses/Error404"
     },
     "408": {
      "$ref": "#/components/responses/Error408"
     },
     "409": {
      "$ref": "#/components/responses/Error409"
     },
     "413": {
      "$ref": "#/components/responses/Error413"
     },
     "429": {
      "$ref": "#/components/responses/Error429"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "format": "int64",
       "minimum": 1
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "reason": {
          "type": "string",
          "maxLength": 500
         }
        }
       }
      }
     }
    }
   }
  }
 },
 "tags": [
  {
   "name": "minutes",
   "description": "次第・議事録・保管・保存期間"
  },
  {
   "name": "plans",
   "description": "支援プラン・評価期限・社会資源の不足・年度実績"
  }
 ]
}
"""#
}
